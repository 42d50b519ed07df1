package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.events.RoomEvents;

/** Pushes a notification into the person's own realtime room, where their open pages listen. */
public final class UserRoomNotifier implements Notifier {
  private final RoomEvents rooms;

  public UserRoomNotifier(RoomEvents rooms) {
    this.rooms = rooms;
  }

  @Override
  public Future<Void> notify(String userId, JsonObject notification) {
    return rooms.publish("user:" + userId, new JsonObject().put("kind", "notification")
        .put("notification", notification)).mapEmpty();
  }
}
