package org.rapporteur.platform.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Publishes a domain event into a realtime room ({@code meeting:<id>}, {@code group:<id>},
 * {@code user:<id>}), so that every participant sees it live and a reconnecting one catches up.
 * The future completes once the event is stored with its sequence number.
 */
public interface RoomEvents {
  Future<Long> publish(String room, JsonObject event);

  /**
   * The room's last sequence number, read from storage. Read before the state a page shows, it is where
   * the page follows the room from, so that no change made in between is missed.
   */
  Future<Long> head(String room);
}
