package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.mongo.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores in-app notifications and hands each to the {@link Notifier} for a live push. A failed
 * push is logged, not fatal: the stored notification is what counts.
 */
public final class NotificationService {
  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationStore store;
  private final Notifier notifier;

  NotificationService(NotificationStore store, Notifier notifier) {
    this.store = store;
    this.notifier = notifier;
  }

  public Future<Void> start() {
    return store.createIndexes();
  }

  /** {@code params}: what the browser needs to word the notification; {@code liaisonId} may be null. */
  public Future<Notification> notify(String userId, String kind, JsonObject params, String liaisonId) {
    Notification notification = new Notification(Ids.newId(), userId, kind, params, liaisonId, Instant.now(), false);
    return store.insert(notification)
        .compose(v -> notifier.notify(userId, notification.toJson())
            .recover(e -> {
              log.warn("Live push of notification {} to {} failed", notification.id(), userId, e);
              return Future.succeededFuture();
            }))
        .map(notification);
  }

  /** The signed-in person's notifications, newest first. */
  public Future<List<Notification>> list(Actor actor, boolean unreadOnly, int limit) {
    actor.requireSignedIn();
    return store.find(actor.userId(), unreadOnly, limit);
  }

  public Future<Void> markRead(Actor actor, String id) {
    actor.requireSignedIn();
    Ids.requirePathId(id, "notification");
    return store.markRead(actor.userId(), id).map(found -> {
      if (!found) {
        throw new NotFoundException("No notification with id " + id);
      }
      return null;
    });
  }

  /** Marks every notification of the signed-in person read; answers how many were unread. */
  public Future<Long> markAllRead(Actor actor) {
    actor.requireSignedIn();
    return store.markAllRead(actor.userId());
  }
}
