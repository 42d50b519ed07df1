package org.rapporteur.audit;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.platform.audit.AuditStore;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.audit.StoredAuditTrail;
import org.rapporteur.platform.http.RouteModule;

/** The audit trail every feature writes to, and the feature that lists it for admins. */
public final class AuditModule {
  private final AuditTrail trail;
  private final AuditService audit;

  public AuditModule(MongoClient mongo) {
    AuditStore store = new AuditStore(mongo);
    this.trail = new StoredAuditTrail(store);
    this.audit = new AuditService(store);
  }

  public Future<Void> start() {
    return audit.start();
  }

  public AuditTrail trail() {
    return trail;
  }

  public AuditService audit() {
    return audit;
  }

  public RouteModule routes() {
    return new AuditRoutes(audit);
  }
}
