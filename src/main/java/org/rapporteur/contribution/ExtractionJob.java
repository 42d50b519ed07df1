package org.rapporteur.contribution;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/**
 * One revision's file waiting to be read, or being read by {@code holder} until {@code leaseUntil}.
 * {@code attempts} counts the claims, so a file that brings down every node that reads it ends failed.
 */
record ExtractionJob(String id, String contributionId, int rev, String fileId, String filename, String state,
    int attempts, String holder, Instant leaseUntil, Instant queuedAt) {
  static final String QUEUED = "queued";
  static final String RUNNING = "running";

  static ExtractionJob queue(String contributionId, Revision revision, Instant now) {
    return new ExtractionJob(ContributionStore.textId(contributionId, revision.rev()), contributionId, revision.rev(),
        revision.fileId(), revision.filename(), QUEUED, 0, null, null, now);
  }

  static ExtractionJob fromDocument(JsonObject doc) {
    return new ExtractionJob(doc.getString("_id"), doc.getString("contributionId"), doc.getInteger("rev"),
        doc.getString("fileId"), doc.getString("filename"), doc.getString("state"), doc.getInteger("attempts", 0),
        doc.getString("holder"), MongoTime.read(doc, "leaseUntil"), MongoTime.read(doc, "queuedAt"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("contributionId", contributionId)
        .put("rev", rev)
        .put("fileId", fileId)
        .put("filename", filename)
        .put("state", state)
        .put("attempts", attempts)
        .put("holder", holder)
        .put("leaseUntil", leaseUntil == null ? null : MongoTime.of(leaseUntil))
        .put("queuedAt", MongoTime.of(queuedAt));
  }
}
