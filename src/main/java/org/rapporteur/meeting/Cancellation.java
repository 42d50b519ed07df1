package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/** A meeting called off: it stays listed, with who cancelled it, when, and the note they left for participants. */
public record Cancellation(Instant at, String by, String note) {

  static Cancellation fromDocument(JsonObject doc) {
    return doc == null ? null : new Cancellation(MongoTime.read(doc, "at"), doc.getString("by"), doc.getString("note"));
  }

  JsonObject toDocument() {
    return new JsonObject().put("at", MongoTime.of(at)).put("by", by).put("note", note);
  }

  JsonObject toJson() {
    return new JsonObject().put("at", at.toString()).put("by", by).put("note", note);
  }
}
