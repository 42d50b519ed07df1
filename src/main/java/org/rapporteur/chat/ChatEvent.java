package org.rapporteur.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.realtime.room.RoomEvent;

/**
 * Chat's reading of an entry of a room's log. Kinds: {@code message}, {@code edit} and
 * {@code delete}, {@code pin} and {@code unpin} (which name their {@code target}), {@code mention}
 * (in a user room); a room also holds other features' events (agenda and speaker-queue changes),
 * which chat passes over.
 */
public record ChatEvent(RoomEvent stored) {
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

  public static ChatEvent of(RoomEvent stored) {
    return new ChatEvent(stored);
  }

  /** What chat appends: the body holds only the fields the kind uses, in the order clients have always had them. */
  public static RoomEvent.Draft draft(String kind, String clientId, String authorId, String authorName, String text,
      Long replyTo, Long target, List<String> mentions, JsonObject about) {
    JsonObject body = new JsonObject();
    putIfPresent(body, "text", text);
    putIfPresent(body, "replyTo", replyTo);
    putIfPresent(body, "target", target);
    putIfPresent(body, "about", about);
    if (!mentions.isEmpty()) {
      body.put("mentions", new JsonArray(mentions));
    }
    return new RoomEvent.Draft(kind, clientId, authorId, authorName, body);
  }

  public String room() {
    return stored.room();
  }

  public long seq() {
    return stored.seq();
  }

  public String clientId() {
    return stored.clientId();
  }

  public String kind() {
    return stored.kind();
  }

  public String authorId() {
    return stored.authorId();
  }

  public String authorName() {
    return stored.authorName();
  }

  public Instant at() {
    return stored.at();
  }

  public String text() {
    return stored.body().getString("text");
  }

  public Long replyTo() {
    return stored.body().getLong("replyTo");
  }

  public Long target() {
    return stored.body().getLong("target");
  }

  public List<String> mentions() {
    return stored.body().getJsonArray("mentions", new JsonArray()).stream().map(String::valueOf).toList();
  }

  public JsonObject about() {
    return stored.body().getJsonObject("about");
  }

  public boolean deleted() {
    return stored.body().getBoolean("deleted", false);
  }

  public Instant editedAt() {
    return MongoTime.read(stored.body(), "editedAt");
  }

  /** The whole {@code event} frame, as history and search answer it. */
  public JsonObject frame() {
    return stored.frame();
  }

  private static void putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
