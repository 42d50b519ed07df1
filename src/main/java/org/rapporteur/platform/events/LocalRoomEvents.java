package org.rapporteur.platform.events;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Publishes room events on the event bus without storing them: live listeners get them, a client
 * that was away does not. Used until the realtime message log is wired in.
 */
public final class LocalRoomEvents implements RoomEvents {
  public static final String ADDRESS_PREFIX = "rapporteur.room.";

  private final EventBus bus;

  public LocalRoomEvents(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public Future<Long> publish(String room, JsonObject event) {
    bus.publish(ADDRESS_PREFIX + room, event);
    return Future.succeededFuture(-1L);
  }
}
