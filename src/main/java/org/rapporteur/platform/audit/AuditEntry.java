package org.rapporteur.platform.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/** One recorded change: who, when, what action on which subject, and the details of the change. */
public record AuditEntry(String id, Instant at, String actorId, String actorEmail, String action,
    String subjectType, String subjectId, JsonObject details) {

  static AuditEntry fromDocument(JsonObject doc) {
    return new AuditEntry(doc.getString("_id"), MongoTime.read(doc, "at"), doc.getString("actorId"),
        doc.getString("actorEmail"), doc.getString("action"), doc.getString("subjectType"),
        doc.getString("subjectId"), doc.getJsonObject("details", new JsonObject()));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("at", MongoTime.of(at))
        .put("actorId", actorId)
        .put("actorEmail", actorEmail)
        .put("action", action)
        .put("subjectType", subjectType)
        .put("subjectId", subjectId)
        .put("details", details);
  }

  public JsonObject toJson() {
    JsonObject json = toDocument().put("at", at.toString()).put("id", id);
    json.remove("_id");
    return json;
  }
}
