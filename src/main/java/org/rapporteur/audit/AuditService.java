package org.rapporteur.audit;

import io.vertx.core.Future;
import java.util.List;
import org.rapporteur.platform.audit.AuditEntry;
import org.rapporteur.platform.audit.AuditStore;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;

/** The audit log as admins read it; features write to it through {@link org.rapporteur.platform.audit.AuditTrail}. */
public final class AuditService {
  private final AuditStore store;

  public AuditService(AuditStore store) {
    this.store = store;
  }

  public Future<Void> start() {
    return store.createIndexes();
  }

  public Future<List<AuditEntry>> list(Actor actor, String subjectId, String beforeId, int limit) {
    return list(actor, subjectId, null, null, beforeId, limit);
  }

  /** Filtered by who acted (their e-mail address) and by action or action prefix, newest first. */
  public Future<List<AuditEntry>> list(Actor actor, String subjectId, String actorEmail, String actionPrefix,
      String beforeId, int limit) {
    actor.requireSignedIn();
    if (!actor.has(GlobalRole.ADMIN)) {
      return Future.failedFuture(new ForbiddenException("Only admins read the audit log"));
    }
    return store.find(subjectId, actorEmail, actionPrefix, beforeId, limit);
  }
}
