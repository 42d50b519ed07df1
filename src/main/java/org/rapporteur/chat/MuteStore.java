package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/** Who is muted in which room; kept in the database so every server process sees the same. */
final class MuteStore {
  static final String MUTES = "chat_mutes";

  private final MongoClient mongo;

  MuteStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> mute(String room, String userId, String byUserId) {
    JsonObject doc = new JsonObject().put("room", room).put("userId", userId).put("by", byUserId)
        .put("at", MongoTime.of(Instant.now()));
    return mongo.updateCollectionWithOptions(MUTES, new JsonObject().put("_id", id(room, userId)),
        new JsonObject().put("$set", doc), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  Future<Boolean> unmute(String room, String userId) {
    return mongo.removeDocument(MUTES, new JsonObject().put("_id", id(room, userId)))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }

  Future<Boolean> isMuted(String room, String userId) {
    return mongo.findOne(MUTES, new JsonObject().put("_id", id(room, userId)), new JsonObject().put("_id", 1))
        .map(doc -> doc != null);
  }

  private static String id(String room, String userId) {
    return room + "|" + userId;
  }
}
