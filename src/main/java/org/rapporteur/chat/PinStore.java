package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Optional;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * The message pinned at the top of each room, one at most. The pin and unpin events in the room's log
 * say when it changed; this keeps where it stands, so that a reader opening the room learns of a pin
 * made thousands of events ago without reading the log back to it. Two moderators pinning at once
 * leave the later event's pin: a change only lands over an earlier one.
 */
final class PinStore {
  static final String PINS = "chat_pins";

  private final MongoClient mongo;

  PinStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The room's pin as of {@code event} (a pin or unpin event), unless a later event already set it. */
  Future<Void> record(ChatEvent event) {
    JsonObject set = new JsonObject().put("eventSeq", event.seq())
        .put("target", ChatEvent.PIN.equals(event.kind()) ? event.target() : null);
    JsonObject earlier = new JsonObject().put("_id", event.room()).put("$or", new JsonArray()
        .add(new JsonObject().put("eventSeq", new JsonObject().put("$lt", event.seq())))
        .add(new JsonObject().put("eventSeq", new JsonObject().put("$exists", false))));
    return mongo.updateCollectionWithOptions(PINS, earlier, new JsonObject().put("$set", set),
            new UpdateOptions().setUpsert(true))
        .<Void>mapEmpty()
        // The room's document exists with a later event: the upsert's insert collides, and the later pin stands.
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /** The seq of the room's pinned message, if one is pinned. */
  Future<Optional<Long>> pinned(String room) {
    return mongo.findOne(PINS, new JsonObject().put("_id", room), null)
        .map(doc -> Optional.ofNullable(doc == null ? null : doc.getLong("target")));
  }
}
