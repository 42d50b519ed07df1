package org.rapporteur.realtime.transport;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomName;

/** The server's frames of the realtime protocol (see DESIGN.md); event frames come from {@link RoomEvent#frame()}. */
final class Frames {
  private Frames() {}

  static JsonObject subscribed(RoomName room, long head) {
    return new JsonObject().put("type", "subscribed").put("room", room.toString()).put("head", head);
  }

  static JsonObject unsubscribed(RoomName room) {
    return new JsonObject().put("type", "unsubscribed").put("room", room.toString());
  }

  static JsonObject ack(RoomEvent event) {
    return new JsonObject().put("type", "ack").put("room", event.room()).put("clientId", event.clientId())
        .put("seq", event.seq());
  }

  /**
   * Several event frames of one room as one {@code events} frame. The frames are encoded JSON objects
   * already, so they are put together without parsing them.
   */
  static String events(RoomName room, List<String> eventFrames) {
    StringBuilder json = new StringBuilder(64 + eventFrames.stream().mapToInt(f -> f.length() + 1).sum());
    json.append("{\"type\":\"events\",\"room\":").append(Json.encode(room.toString()))
        .append(",\"events\":[");
    for (int i = 0; i < eventFrames.size(); i++) {
      json.append(i == 0 ? "" : ",").append(eventFrames.get(i));
    }
    return json.append("]}").toString();
  }

  static JsonObject pong() {
    return new JsonObject().put("type", "pong");
  }

  static JsonObject error(String code, String detail, String clientId, String room) {
    JsonObject json = new JsonObject().put("type", "error").put("code", code).put("detail", detail);
    if (clientId != null) {
      json.put("clientId", clientId);
    }
    if (room != null) {
      json.put("room", room);
    }
    return json;
  }
}
