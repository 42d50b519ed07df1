package org.rapporteur.realtime.room;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.events.Addresses;

/**
 * Someone's access to rooms may have changed ({@code userId} null: anyone's, as when a group
 * changes its visibility). The feature that changed it publishes this as soon as its store has
 * changed; every process then drops the access it cached and checks its open connections again.
 */
public record RoomAccessChanged(String userId) {

  public static RoomAccessChanged fromJson(JsonObject json) {
    return new RoomAccessChanged(json.getString("userId"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  public void publish(EventBus bus) {
    bus.publish(Addresses.ROOM_ACCESS_CHANGED, toJson());
  }

  public boolean concerns(String someone) {
    return userId == null || userId.equals(someone);
  }
}
