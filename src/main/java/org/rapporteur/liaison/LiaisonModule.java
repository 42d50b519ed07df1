package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.radar.RadarService;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Liaison statements and notifications over their stores. The agenda proposals and the live push
 * come from outside: the composition root passes the real ones, a test may pass its own.
 */
public final class LiaisonModule {
  private final NotificationService notifications;
  private final LiaisonService liaisons;

  public LiaisonModule(MongoClient mongo, WorkspaceService workspaces, ContributionService contributions,
      AuditTrail audit, RadarService radar, AgendaProposals proposals, Notifier notifier) {
    this.notifications = new NotificationService(new NotificationStore(mongo), notifier);
    this.liaisons = new LiaisonService(new LiaisonStore(mongo), workspaces, contributions, audit, notifications,
        proposals, radar);
  }

  public Future<Void> start() {
    return notifications.start().compose(v -> liaisons.start());
  }

  public LiaisonService liaisons() {
    return liaisons;
  }

  public NotificationService notifications() {
    return notifications;
  }

  public RouteModule routes() {
    return new LiaisonRoutes(liaisons, notifications);
  }
}
