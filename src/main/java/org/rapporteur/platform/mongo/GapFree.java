package org.rapporteur.platform.mongo;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * Reading a log whose numbers have no gap because a writer only inserts the number after one it has
 * seen stored, under a unique id (the room logs, the index change feed). Such a log's head is the end
 * of the unbroken run after any number known to be stored, and a read keeps only the unbroken run
 * from where it asked, so a number read late (a lagging secondary) is never skipped over.
 */
public final class GapFree {
  private GapFree() {}

  /** The items numbered {@code after + 1}, {@code after + 2}, ... at the start of {@code items} (in number order). */
  public static <T> List<T> contiguousPrefix(List<T> items, long after, ToLongFunction<T> number) {
    List<T> prefix = new ArrayList<>(items.size());
    long expected = after + 1;
    for (T item : items) {
      if (number.applyAsLong(item) != expected) {
        break;
      }
      prefix.add(item);
      expected++;
    }
    return prefix;
  }

  /**
   * The head: the end of the unbroken run after {@code from} (a number known stored, or 0), read
   * {@code probe} numbers at a time through {@code range(after, upTo)}.
   */
  public static <T> Future<Long> head(long from, int probe, BiFunction<Long, Long, Future<List<T>>> range,
      ToLongFunction<T> number) {
    return range.apply(from, from + probe).compose(items -> {
      int run = contiguousPrefix(items, from, number).size();
      return run == probe ? head(from + probe, probe, range, number) : Future.succeededFuture(from + run);
    });
  }
}
