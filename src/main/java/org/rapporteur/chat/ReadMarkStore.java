package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.json.MongoTime;

/**
 * How far each reader got in each room: the last seq shown to them, on any of their devices. A
 * mark only moves forward ({@code $max}), so marks from two tabs, or a late retry, never undo a
 * later one.
 */
final class ReadMarkStore {
  static final String READ_MARKS = "chat_read_marks";

  private final MongoClient mongo;

  ReadMarkStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Moves the reader's mark in the room to {@code seq} unless it is already further; answers the mark. */
  Future<Long> advance(String room, String userId, long seq) {
    JsonObject update = new JsonObject()
        .put("$max", new JsonObject().put("seq", seq))
        .put("$set", new JsonObject().put("room", room).put("userId", userId).put("at", MongoTime.of(Instant.now())));
    return mongo.findOneAndUpdateWithOptions(READ_MARKS, new JsonObject().put("_id", id(room, userId)), update,
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> doc.getLong("seq"));
  }

  /** The reader's marks in the given rooms; rooms they never read are absent. */
  Future<Map<String, Long>> marks(String userId, List<String> rooms) {
    JsonArray ids = new JsonArray(rooms.stream().map(room -> id(room, userId)).toList());
    return mongo.findWithOptions(READ_MARKS, new JsonObject().put("_id", new JsonObject().put("$in", ids)),
            new FindOptions().setFields(new JsonObject().put("room", 1).put("seq", 1)))
        .map(docs -> {
          Map<String, Long> marks = new HashMap<>();
          docs.forEach(doc -> marks.put(doc.getString("room"), doc.getLong("seq")));
          return marks;
        });
  }

  private static String id(String room, String userId) {
    return room + "|" + userId;
  }
}
