package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.mongo.Ids;

/**
 * Domain events of features that need no log of their own (agenda changes, speaker queue) go into
 * the room logs: stored with their sequence number, so a reconnecting participant catches up.
 */
final class StoredRoomEvents implements RoomEvents {
  private final RoomLog log;

  StoredRoomEvents(RoomLog log) {
    this.log = log;
  }

  @Override
  public Future<Long> publish(String room, JsonObject event) {
    JsonObject body = event.copy();
    String kind = body.remove("kind") instanceof String named ? named : "notice";
    return parse(room).compose(name -> log.append(name, RoomEvent.Draft.byServer(kind, "srv-" + Ids.newId(), body)))
        .map(appended -> appended.event().seq());
  }

  @Override
  public Future<Long> head(String room) {
    return parse(room).compose(log::head);
  }

  private static Future<RoomName> parse(String room) {
    try {
      return Future.succeededFuture(RoomName.parse(room, "room"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
