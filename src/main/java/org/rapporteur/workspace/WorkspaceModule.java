package org.rapporteur.workspace;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.account.AccountService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;

/** The workspace feature assembled: groups, questions and memberships over their stores. */
public final class WorkspaceModule {
  private final WorkspaceService workspaces;

  public WorkspaceModule(Vertx vertx, MongoClient mongo, AccountService accounts, AuditTrail audit) {
    this.workspaces = new WorkspaceService(vertx, new GroupStore(mongo), new QuestionStore(mongo),
        new MembershipStore(mongo), accounts, audit);
  }

  public Future<Void> start() {
    return workspaces.start();
  }

  public WorkspaceService workspaces() {
    return workspaces;
  }

  public GroupRoomPolicy roomPolicy() {
    return new GroupRoomPolicy(workspaces);
  }

  public RouteModule routes() {
    return new WorkspaceRoutes(workspaces);
  }
}
