package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.realtime.room.RoomName;

/** Deletes a message (one's own, or any as a moderator): {@code {room, clientId, target}}. */
public record DeleteCommand(RoomName room, String clientId, long target) {
  public static DeleteCommand from(JsonObject body) {
    JsonInput in = CommandInput.rest(body);
    RoomName room = CommandInput.room(in);
    String clientId = CommandInput.clientId(in);
    Long target = CommandInput.seq(in, "target", true);
    in.done();
    return new DeleteCommand(room, clientId, target);
  }
}
