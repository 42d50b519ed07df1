package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.mongo.Ids;

/**
 * Domain events of other features (agenda changes, speaker queue) go into the same room logs as
 * chat messages: stored with their sequence number, so a reconnecting participant catches up.
 */
final class StoredRoomEvents implements RoomEvents {
  private final MessageLog log;

  StoredRoomEvents(MessageLog log) {
    this.log = log;
  }

  @Override
  public Future<Long> publish(String room, JsonObject event) {
    String kind = event.getString("kind", "notice");
    return parse(room).compose(name -> log.append(name, new ChatEvent.Draft(kind, "srv-" + Ids.newId(), null, null,
            null, null, null, List.of(), null, event.copy())))
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
