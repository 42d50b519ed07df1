package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;

final class NotificationStore {
  static final String NOTIFICATIONS = "notifications";

  private final MongoClient mongo;

  NotificationStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(NOTIFICATIONS, new JsonObject().put("userId", 1).put("createdAt", -1),
        new IndexOptions());
  }

  Future<Void> insert(Notification notification) {
    return mongo.insert(NOTIFICATIONS, notification.toDocument()).mapEmpty();
  }

  /** Newest first. */
  Future<List<Notification>> find(String userId, boolean unreadOnly, int limit) {
    JsonObject query = new JsonObject().put("userId", userId);
    if (unreadOnly) {
      query.put("read", false);
    }
    return mongo.findWithOptions(NOTIFICATIONS, query,
            new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(limit))
        .map(docs -> docs.stream().map(Notification::fromDocument).toList());
  }

  /** Whether the user had a notification with this id (now marked read). */
  Future<Boolean> markRead(String userId, String id) {
    return mongo.updateCollection(NOTIFICATIONS, new JsonObject().put("_id", id).put("userId", userId),
            new JsonObject().put("$set", new JsonObject().put("read", true)))
        .map(result -> result != null && result.getDocMatched() > 0);
  }

  Future<Long> markAllRead(String userId) {
    return mongo.updateCollectionWithOptions(NOTIFICATIONS, new JsonObject().put("userId", userId).put("read", false),
            new JsonObject().put("$set", new JsonObject().put("read", true)), new UpdateOptions().setMulti(true))
        .map(result -> result == null ? 0L : result.getDocModified());
  }
}
