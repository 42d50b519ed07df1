package org.rapporteur.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import org.rapporteur.account.Actor;
import org.rapporteur.account.GlobalRole;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.mongo.Ids;

/** The audit log: every change is recorded here; admins read it. */
public final class AuditService {
  private final AuditStore store;

  public AuditService(MongoClient mongo) {
    this.store = new AuditStore(mongo);
  }

  public Future<Void> start() {
    return store.createIndexes();
  }

  /** Records a change made by {@code actor}; the change is only reported done once this is stored. */
  public Future<Void> record(Actor actor, String action, String subjectType, String subjectId, JsonObject details) {
    return store.insert(new AuditEntry(Ids.newId(), Instant.now(), actor.userId(), actor.email(), action,
        subjectType, subjectId, details == null ? new JsonObject() : details));
  }

  public Future<List<AuditEntry>> list(Actor actor, String subjectId, String beforeId, int limit) {
    actor.requireSignedIn();
    if (!actor.has(GlobalRole.ADMIN)) {
      return Future.failedFuture(new ForbiddenException("Only admins read the audit log"));
    }
    return store.find(subjectId, beforeId, limit);
  }
}
