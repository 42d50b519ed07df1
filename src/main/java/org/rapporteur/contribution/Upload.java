package org.rapporteur.contribution;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/** A resumable (tus) upload: how long it will be, how much has arrived, and what it becomes. */
public record Upload(String id, String userId, String groupId, long length, long offset, JsonObject metadata,
    Instant createdAt, Instant expiresAt, String contributionId, String number) {

  static Upload fromDocument(JsonObject doc) {
    return new Upload(doc.getString("_id"), doc.getString("userId"), doc.getString("groupId"), doc.getLong("length"),
        doc.getLong("offset"), doc.getJsonObject("metadata"), MongoTime.read(doc, "createdAt"),
        MongoTime.read(doc, "expiresAt"), doc.getString("contributionId"), doc.getString("number"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("userId", userId)
        .put("groupId", groupId)
        .put("length", length)
        .put("offset", offset)
        .put("metadata", metadata)
        .put("createdAt", MongoTime.of(createdAt))
        .put("expiresAt", MongoTime.of(expiresAt))
        .put("contributionId", contributionId)
        .put("number", number);
  }

  public boolean complete() {
    return offset == length;
  }

  Upload withOffset(long newOffset) {
    return new Upload(id, userId, groupId, length, newOffset, metadata, createdAt, expiresAt, contributionId, number);
  }
}
