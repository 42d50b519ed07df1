package org.rapporteur.index;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * One kind of record an index holds: the address its change events are published on (null when the
 * owner writes through {@link IndexPipeline#apply} instead), how an event's JSON body is read, how a
 * record becomes a document, and where the records are read from for a rebuild. In a server the
 * events reach the index through the change feed, whose entries carry that address.
 */
public record IndexFeed<E>(String address, Function<JsonObject, E> decoder, DocumentMapper<E> mapper,
    RebuildSource<E> source) {

  /** A feed that follows events on {@code address} and rebuilds from {@code source}. */
  public static <E> IndexFeed<E> events(String address, Function<JsonObject, E> decoder, DocumentMapper<E> mapper,
      RebuildSource<E> source) {
    return new IndexFeed<>(address, decoder, mapper, source);
  }

  /** A feed whose owner writes through {@link IndexPipeline#apply}; it only rebuilds from {@code source}. */
  public static <E> IndexFeed<E> direct(DocumentMapper<E> mapper, RebuildSource<E> source) {
    return new IndexFeed<>(null, null, mapper, source);
  }
}
