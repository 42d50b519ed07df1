package org.rapporteur.liaison;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/** An in-app message to one person, e.g. "LS/SG3RG-AFR/7 is due in 7 days". */
public record Notification(String id, String userId, String kind, String title, String text, String liaisonId,
    Instant createdAt, boolean read) {

  JsonObject toDocument() {
    return new JsonObject().put("_id", id).put("userId", userId).put("kind", kind).put("title", title)
        .put("text", text).put("liaisonId", liaisonId).put("createdAt", MongoTime.of(createdAt)).put("read", read);
  }

  static Notification fromDocument(JsonObject doc) {
    return new Notification(doc.getString("_id"), doc.getString("userId"), doc.getString("kind"),
        doc.getString("title"), doc.getString("text"), doc.getString("liaisonId"), MongoTime.read(doc, "createdAt"),
        doc.getBoolean("read", false));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("kind", kind).put("title", title).put("text", text)
        .put("liaisonId", liaisonId).put("createdAt", createdAt.toString()).put("read", read);
  }
}
