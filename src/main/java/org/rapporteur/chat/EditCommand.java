package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.realtime.room.RoomName;

/** A new text for one's own message: {@code {room, clientId, target, text}}. */
public record EditCommand(RoomName room, String clientId, long target, String text) {
  public static EditCommand from(JsonObject body) {
    String text = CommandInput.text(body);
    JsonInput in = CommandInput.rest(body);
    RoomName room = CommandInput.room(in);
    String clientId = CommandInput.clientId(in);
    Long target = CommandInput.seq(in, "target", true);
    in.done();
    return new EditCommand(room, clientId, target, text);
  }
}
