package org.rapporteur.platform.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.security.Actor;

/**
 * Where every feature records the changes it makes. It sits below the features so that the account
 * feature (whose changes are audited) and the audit feature (which lists the trail for admins,
 * and needs accounts to know who may) do not depend on each other.
 */
public interface AuditTrail {
  /** Records a change made by {@code actor}; the change is only reported done once this is stored. */
  Future<Void> record(Actor actor, String action, String subjectType, String subjectId, JsonObject details);
}
