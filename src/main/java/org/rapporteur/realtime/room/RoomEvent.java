package org.rapporteur.realtime.room;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.rapporteur.platform.json.MongoTime;

/**
 * One entry of a room's log at its sequence number. The log owns the envelope (room, number,
 * clientId, kind, time and, when a person caused it, its author); the feature that wrote the event
 * owns the {@code body}, stored beside the envelope and sent to clients as the event's own fields.
 * Chat writes messages, edits and pins; the agenda and the speaker queue write their changes.
 */
public record RoomEvent(String room, long seq, String clientId, String kind, Instant at, String authorId,
    String authorName, JsonObject body) {

  private static final Set<String> ENVELOPE = Set.of("_id", "room", "seq", "clientId", "kind", "at", "authorId",
      "authorName");
  /**
   * Where the agenda's and the speaker queue's events were kept before they were stored as a body of
   * their own: read into the body, and so no body may use the name.
   */
  private static final String EARLIER_BODY = "data";

  /** What a writer asks to append; the log gives it its number and time. {@code authorId} null: the server wrote it. */
  public record Draft(String kind, String clientId, String authorId, String authorName, JsonObject body) {
    public Draft {
      if (body.containsKey(EARLIER_BODY)) {
        throw new IllegalArgumentException("A room event's body may not have a field '" + EARLIER_BODY + "'");
      }
    }

    public static Draft byServer(String kind, String clientId, JsonObject body) {
      return new Draft(kind, clientId, null, null, body);
    }
  }

  public static RoomEvent of(String room, long seq, Draft draft, Instant at) {
    return new RoomEvent(room, seq, draft.clientId(), draft.kind(), at, draft.authorId(), draft.authorName(),
        draft.body());
  }

  public static String documentId(String room, long seq) {
    return room + ":" + seq;
  }

  public JsonObject toDocument() {
    JsonObject doc = new JsonObject()
        .put("_id", documentId(room, seq))
        .put("room", room)
        .put("seq", seq)
        .put("clientId", clientId)
        .put("kind", kind)
        .put("at", MongoTime.of(at));
    if (authorId != null) {
      doc.put("authorId", authorId).put("authorName", authorName);
    }
    body.forEach(field -> doc.put(field.getKey(), field.getValue()));
    return doc;
  }

  public static RoomEvent fromDocument(JsonObject doc) {
    JsonObject body = new JsonObject();
    for (Map.Entry<String, Object> field : doc) {
      if (!ENVELOPE.contains(field.getKey())) {
        body.put(field.getKey(), field.getValue());
      }
    }
    if (body.getValue(EARLIER_BODY) instanceof JsonObject earlier) {
      body.remove(EARLIER_BODY);
      earlier.forEach(field -> {
        if (!ENVELOPE.contains(field.getKey())) {
          body.put(field.getKey(), field.getValue());
        }
      });
    }
    return new RoomEvent(doc.getString("room"), doc.getLong("seq"), doc.getString("clientId"), doc.getString("kind"),
        MongoTime.read(doc, "at"), doc.getString("authorId"), doc.getString("authorName"), body);
  }

  /** The {@code event} object of an event frame: the envelope, then the body (stored times as text). */
  public JsonObject event() {
    JsonObject json = new JsonObject().put("kind", kind).put("clientId", clientId).put("at", at.toString());
    if (authorId != null) {
      json.put("author", new JsonObject().put("id", authorId).put("name", authorName));
    }
    for (Map.Entry<String, Object> field : body) {
      Object value = field.getValue();
      json.put(field.getKey(), value instanceof JsonObject date && date.size() == 1 && date.containsKey("$date")
          ? Instant.parse(date.getString("$date")).toString() : value);
    }
    return json;
  }

  /** The whole {@code event} frame, as the WebSocket and the SSE stream send it. */
  public JsonObject frame() {
    return new JsonObject().put("type", "event").put("room", room).put("seq", seq).put("event", event());
  }

  /** The event as the event bus carries it between server processes. */
  JsonObject toBusMessage() {
    return toDocument().put("at", at.toString());
  }

  public static RoomEvent fromBusMessage(JsonObject json) {
    return fromDocument(json);
  }
}
