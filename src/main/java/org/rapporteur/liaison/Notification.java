package org.rapporteur.liaison;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/**
 * An in-app message to one person: a {@code kind} (e.g. {@code liaison.reminder}) and the {@code params}
 * the browser words it from in the reader's language and time zone; the server writes no sentence.
 * {@code liaisonId} links the statement it is about, when it is about one.
 */
public record Notification(String id, String userId, String kind, JsonObject params, String liaisonId,
    Instant createdAt, boolean read) {

  JsonObject toDocument() {
    return new JsonObject().put("_id", id).put("userId", userId).put("kind", kind).put("params", params)
        .put("liaisonId", liaisonId).put("createdAt", MongoTime.of(createdAt)).put("read", read);
  }

  static Notification fromDocument(JsonObject doc) {
    return new Notification(doc.getString("_id"), doc.getString("userId"), doc.getString("kind"),
        doc.getJsonObject("params", legacyParams(doc)), doc.getString("liaisonId"), MongoTime.read(doc, "createdAt"),
        doc.getBoolean("read", false));
  }

  /** Notifications stored before kind and params carried everything had a title and text only. */
  private static JsonObject legacyParams(JsonObject doc) {
    return new JsonObject().put("title", doc.getString("title")).put("text", doc.getString("text"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("kind", kind).put("params", params.copy())
        .put("liaisonId", liaisonId).put("createdAt", createdAt.toString()).put("read", read);
  }
}
