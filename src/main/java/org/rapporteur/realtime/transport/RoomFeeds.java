package org.rapporteur.realtime.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.rapporteur.realtime.room.RoomLog;
import org.rapporteur.realtime.room.RoomName;

/** The feeds of the rooms that have subscribers in this process; a feed closes with its last subscriber. */
final class RoomFeeds {
  private final Vertx vertx;
  private final RoomLog log;
  private final RoomPresence presence;
  private final Supplier<DeliveryObserver> deliveries;
  private final Map<RoomName, RoomFeed> feeds = new HashMap<>();

  RoomFeeds(Vertx vertx, RoomLog log, RoomPresence presence, Supplier<DeliveryObserver> deliveries) {
    this.vertx = vertx;
    this.log = log;
    this.presence = presence;
    this.deliveries = deliveries;
  }

  /** Attaches the subscription; the future holds the head it joins at. */
  Future<Long> attach(Subscription subscription) {
    RoomFeed feed;
    synchronized (this) {
      feed = feeds.computeIfAbsent(subscription.room(), room -> new RoomFeed(vertx, room, log, deliveries.get()));
      if (feed.holders.add(subscription)) {
        presence.join(subscription.room(), subscription.who());
      }
    }
    return feed.start().map(v -> feed.attach(subscription))
        .onFailure(e -> detach(subscription));
  }

  /** Idempotent: detaching a subscription that is not (or no longer) attached does nothing. */
  void detach(Subscription subscription) {
    synchronized (this) {
      RoomFeed feed = feeds.get(subscription.room());
      if (feed == null || !feed.holders.remove(subscription)) {
        return;
      }
      feed.detach(subscription);
      presence.leave(subscription.room(), subscription.who());
      if (feed.holders.isEmpty()) {
        feeds.remove(subscription.room());
        feed.close();
      }
    }
  }

  synchronized void closeAll() {
    feeds.values().forEach(RoomFeed::close);
    feeds.clear();
  }
}
