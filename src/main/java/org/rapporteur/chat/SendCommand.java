package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.realtime.room.RoomName;

/** A new message: {@code {room, clientId, text, replyTo?, mentions?}}; mentions are user ids. */
public record SendCommand(RoomName room, String clientId, String text, Long replyTo, List<String> mentions) {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

  public static SendCommand from(JsonObject body) {
    String text = CommandInput.text(body);
    JsonInput in = CommandInput.rest(body);
    RoomName room = CommandInput.room(in);
    String clientId = CommandInput.clientId(in);
    Long replyTo = CommandInput.seq(in, "replyTo", false);
    List<String> mentions = in.stringList("mentions", 20, 24);
    for (String id : mentions) {
      if (!ID.matcher(id).matches()) {
        in.fail("mentions", "must hold user ids of 24 hexadecimal digits");
        break;
      }
    }
    in.done();
    return new SendCommand(room, clientId, text, replyTo, mentions);
  }
}
