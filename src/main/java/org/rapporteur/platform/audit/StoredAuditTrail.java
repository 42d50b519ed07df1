package org.rapporteur.platform.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.platform.security.Actor;

/** The audit trail kept in MongoDB. */
public final class StoredAuditTrail implements AuditTrail {
  private final AuditStore store;

  public StoredAuditTrail(AuditStore store) {
    this.store = store;
  }

  @Override
  public Future<Void> record(Actor actor, String action, String subjectType, String subjectId, JsonObject details) {
    return store.insert(new AuditEntry(Ids.newId(), Instant.now(), actor.userId(), actor.email(), action,
        subjectType, subjectId, details == null ? new JsonObject() : details));
  }
}
