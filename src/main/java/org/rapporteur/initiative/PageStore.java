package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.function.Function;

/** The read the initiative stores share: a page of a collection, its count and the sorted window. */
final class PageStore {
  private PageStore() {}

  static <T> Future<Page<T>> find(MongoClient mongo, String collection, JsonObject query, JsonObject sort,
      int offset, int limit, Function<JsonObject, T> reader) {
    Future<Long> total = mongo.count(collection, query);
    Future<List<JsonObject>> docs = mongo.findWithOptions(collection, query,
        new FindOptions().setSort(sort).setSkip(offset).setLimit(limit));
    return Future.all(total, docs).map(all -> new Page<>(docs.result().stream().map(reader).toList(), total.result()));
  }
}
