package org.rapporteur.platform.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/** Named counters in a collection: each call takes the next number, atomically, so none is ever taken twice. */
public final class Counters {
  private Counters() {}

  /** Counter {@code id} of {@code collection} after one more step; the first call answers 1. */
  public static Future<Long> next(MongoClient mongo, String collection, String id) {
    JsonObject query = new JsonObject().put("_id", id);
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("seq", 1L));
    UpdateOptions options = new UpdateOptions().setUpsert(true).setReturningNewDocument(true);
    return mongo.findOneAndUpdateWithOptions(collection, query, update, new FindOptions(), options)
        // two first-ever upserts can race on a real MongoDB; the loser simply tries again
        .recover(e -> MongoErrors.isDuplicateKey(e)
            ? mongo.findOneAndUpdateWithOptions(collection, query, update, new FindOptions(), options)
            : Future.failedFuture(e))
        .map(doc -> doc.getLong("seq"));
  }
}
