package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;

/** The server's frames of the realtime protocol (see DESIGN.md); event frames come from {@link ChatEvent#frame()}. */
final class Frames {
  private Frames() {}

  static JsonObject subscribed(RoomName room, long head) {
    return new JsonObject().put("type", "subscribed").put("room", room.toString()).put("head", head);
  }

  static JsonObject unsubscribed(RoomName room) {
    return new JsonObject().put("type", "unsubscribed").put("room", room.toString());
  }

  static JsonObject ack(ChatEvent event) {
    return new JsonObject().put("type", "ack").put("room", event.room()).put("clientId", event.clientId())
        .put("seq", event.seq());
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
