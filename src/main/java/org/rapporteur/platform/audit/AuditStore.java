package org.rapporteur.platform.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/** The stored audit trail: only appended to by {@link StoredAuditTrail}, read by the audit feature. */
public final class AuditStore {
  static final String AUDIT = "audit";

  private final MongoClient mongo;

  public AuditStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(AUDIT, new JsonObject().put("subjectId", 1).put("at", -1), new IndexOptions());
  }

  public Future<Void> insert(AuditEntry entry) {
    return mongo.insert(AUDIT, entry.toDocument()).mapEmpty();
  }

  /** Newest first; ids are ObjectIds, so they order entries by time even within one millisecond. */
  public Future<List<AuditEntry>> find(String subjectId, String beforeId, int limit) {
    return find(subjectId, null, null, beforeId, limit);
  }

  /**
   * Newest first, filtered by subject, by the acting person's e-mail address, and by an action or
   * its prefix ({@code liaison.} for every liaison action); the caller checked the prefix's characters.
   */
  public Future<List<AuditEntry>> find(String subjectId, String actorEmail, String actionPrefix, String beforeId,
      int limit) {
    JsonObject query = new JsonObject();
    if (subjectId != null) {
      query.put("subjectId", subjectId);
    }
    if (actorEmail != null) {
      query.put("actorEmail", actorEmail);
    }
    if (actionPrefix != null) {
      query.put("action", new JsonObject().put("$regex", "^" + actionPrefix.replace(".", "\\.")));
    }
    if (beforeId != null) {
      query.put("_id", new JsonObject().put("$lt", beforeId));
    }
    FindOptions options = new FindOptions().setSort(new JsonObject().put("_id", -1)).setLimit(limit);
    return mongo.findWithOptions(AUDIT, query, options)
        .map(docs -> docs.stream().map(AuditEntry::fromDocument).toList());
  }
}
