package org.rapporteur.joining;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.account.AccountService;
import org.rapporteur.liaison.NotificationService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.workspace.WorkspaceService;

/** Join requests assembled over their store. */
public final class JoiningModule {
  private final JoinRequestService requests;

  public JoiningModule(MongoClient mongo, WorkspaceService workspaces, AccountService accounts,
      NotificationService notifications, AuditTrail audit) {
    this.requests = new JoinRequestService(new JoinRequestStore(mongo), workspaces, accounts, notifications, audit);
  }

  public Future<Void> start() {
    return requests.start();
  }

  public RouteModule routes() {
    return new JoinRequestRoutes(requests);
  }
}
