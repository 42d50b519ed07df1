package org.rapporteur.index;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The records an index is rebuilt from, read page by page from the system of record, so a rebuild
 * never holds the whole collection in memory.
 */
@FunctionalInterface
public interface RebuildSource<E> {
  /** Up to {@code limit} records after {@code cursor} (null: from the start), and the next cursor. */
  Future<Page<E>> page(String cursor, int limit);

  /** Some records; {@code next} is null on the last page. */
  record Page<E>(List<E> items, String next) {}

  /**
   * Keyset paging: {@code fetch(after, limit)} answers the records with keys greater than
   * {@code after}, in key order; a short page is the last.
   */
  static <E> RebuildSource<E> keyset(BiFunction<String, Integer, Future<List<E>>> fetch, Function<E, String> key) {
    return (cursor, limit) -> fetch.apply(cursor, limit).map(items -> new Page<>(items,
        items.size() < limit ? null : key.apply(items.get(items.size() - 1))));
  }

  /** A small source read in one go (for example the sent liaison statements). */
  static <E> RebuildSource<E> whole(Supplier<Future<List<E>>> all) {
    return (cursor, limit) -> all.get().map(items -> new Page<>(items, null));
  }
}
