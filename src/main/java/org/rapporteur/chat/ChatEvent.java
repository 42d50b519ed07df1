package org.rapporteur.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.json.MongoTime;

/**
 * One entry of a room's log, at its sequence number. Kinds: {@code message}, {@code edit} and
 * {@code delete}, {@code pin} and {@code unpin} (which name their {@code target}), {@code mention} (in a user room), and the
 * events of other features (agenda and speaker-queue changes, with their own kinds).
 */
public record ChatEvent(
    String room,
    long seq,
    String clientId,
    String kind,
    String authorId,
    String authorName,
    Instant at,
    String text,
    Long replyTo,
    Long target,
    List<String> mentions,
    JsonObject about,
    JsonObject data,
    boolean deleted,
    Instant editedAt) {

  public static final String MESSAGE = "message";
  public static final String EDIT = "edit";
  public static final String DELETE = "delete";
  public static final String MENTION = "mention";
  /**
   * A moderator pinned the {@code target} message at the top of the room ({@code text}: its text then,
   * {@code about.author}: who wrote it).
   */
  public static final String PIN = "pin";
  /** The pinned {@code target} message is no longer pinned. */
  public static final String UNPIN = "unpin";

  static ChatEvent of(String room, long seq, Draft draft, Instant at) {
    return new ChatEvent(room, seq, draft.clientId(), draft.kind(), draft.authorId(), draft.authorName(), at,
        draft.text(), draft.replyTo(), draft.target(), draft.mentions(), draft.about(), draft.data(), false, null);
  }

  /**
   * What a writer asks to append; the log gives it its sequence number and time. {@code data} holds
   * another feature's event (an agenda or queue change), sent to clients as the event's own fields.
   */
  public record Draft(String kind, String clientId, String authorId, String authorName, String text, Long replyTo,
      Long target, List<String> mentions, JsonObject about, JsonObject data) {}

  static String documentId(String room, long seq) {
    return room + ":" + seq;
  }

  JsonObject toDocument() {
    JsonObject doc = new JsonObject()
        .put("_id", documentId(room, seq))
        .put("room", room)
        .put("seq", seq)
        .put("clientId", clientId)
        .put("kind", kind)
        .put("at", MongoTime.of(at));
    putIfPresent(doc, "authorId", authorId);
    putIfPresent(doc, "authorName", authorName);
    putIfPresent(doc, "text", text);
    putIfPresent(doc, "replyTo", replyTo);
    putIfPresent(doc, "target", target);
    putIfPresent(doc, "about", about);
    putIfPresent(doc, "data", data);
    if (!mentions.isEmpty()) {
      doc.put("mentions", new JsonArray(mentions));
    }
    return doc;
  }

  static ChatEvent fromDocument(JsonObject doc) {
    JsonArray mentions = doc.getJsonArray("mentions", new JsonArray());
    return new ChatEvent(doc.getString("room"), doc.getLong("seq"), doc.getString("clientId"), doc.getString("kind"),
        doc.getString("authorId"), doc.getString("authorName"), MongoTime.read(doc, "at"), doc.getString("text"),
        doc.getLong("replyTo"), doc.getLong("target"), mentions.stream().map(String::valueOf).toList(),
        doc.getJsonObject("about"), doc.getJsonObject("data"), doc.getBoolean("deleted", false),
        MongoTime.read(doc, "editedAt"));
  }

  /** The {@code event} object of an event frame. */
  public JsonObject body() {
    JsonObject json = data == null ? new JsonObject() : data.copy();
    json.put("kind", kind).put("clientId", clientId).put("at", at.toString());
    if (authorId != null) {
      json.put("author", new JsonObject().put("id", authorId).put("name", authorName));
    }
    putIfPresent(json, "text", text);
    putIfPresent(json, "replyTo", replyTo);
    putIfPresent(json, "target", target);
    putIfPresent(json, "about", about);
    if (!mentions.isEmpty()) {
      json.put("mentions", new JsonArray(mentions));
    }
    if (deleted) {
      json.put("deleted", true);
    }
    if (editedAt != null) {
      json.put("editedAt", editedAt.toString());
    }
    return json;
  }

  /** The whole {@code event} frame, as the gateway and the SSE stream send it. */
  public JsonObject frame() {
    return new JsonObject().put("type", "event").put("room", room).put("seq", seq).put("event", body());
  }

  /** The event as the event bus carries it between server processes. */
  JsonObject toBusMessage() {
    return toDocument().put("at", at.toString());
  }

  static ChatEvent fromBusMessage(JsonObject json) {
    return fromDocument(json);
  }

  private static void putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
