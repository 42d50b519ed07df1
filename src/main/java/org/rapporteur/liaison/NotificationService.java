package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import org.rapporteur.account.Actor;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.mongo.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores in-app notifications and hands each to the {@link Notifier} for a live push. A failed
 * push is logged, not fatal: the stored notification is what counts.
 */
public final class NotificationService {
  static final String NOTIFICATIONS = "notifications";
  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final MongoClient mongo;
  private final Notifier notifier;

  public NotificationService(MongoClient mongo, Notifier notifier) {
    this.mongo = mongo;
    this.notifier = notifier;
  }

  public Future<Void> start() {
    return mongo.createIndexWithOptions(NOTIFICATIONS, new JsonObject().put("userId", 1).put("createdAt", -1),
        new IndexOptions());
  }

  public Future<Notification> notify(String userId, String kind, String title, String text, String liaisonId) {
    Notification notification = new Notification(Ids.newId(), userId, kind, title, text, liaisonId, Instant.now(),
        false);
    return mongo.insert(NOTIFICATIONS, notification.toDocument())
        .compose(id -> notifier.notify(userId, notification.toJson())
            .recover(e -> {
              log.warn("Live push of notification {} to {} failed", notification.id(), userId, e);
              return Future.succeededFuture();
            }))
        .map(notification);
  }

  /** The signed-in person's notifications, newest first. */
  public Future<List<Notification>> list(Actor actor, boolean unreadOnly, int limit) {
    actor.requireSignedIn();
    JsonObject query = new JsonObject().put("userId", actor.userId());
    if (unreadOnly) {
      query.put("read", false);
    }
    return mongo.findWithOptions(NOTIFICATIONS, query,
            new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(limit))
        .map(docs -> docs.stream().map(Notification::fromDocument).toList());
  }

  public Future<Void> markRead(Actor actor, String id) {
    actor.requireSignedIn();
    Ids.requirePathId(id, "notification");
    return mongo.updateCollection(NOTIFICATIONS, new JsonObject().put("_id", id).put("userId", actor.userId()),
            new JsonObject().put("$set", new JsonObject().put("read", true)))
        .map(result -> {
          if (result == null || result.getDocMatched() == 0) {
            throw new NotFoundException("No notification with id " + id);
          }
          return null;
        });
  }
}
