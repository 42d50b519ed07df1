package org.rapporteur.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.rapporteur.platform.audit.AuditEntry;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;

public final class AuditRoutes implements RouteModule {
  private final AuditService audit;

  public AuditRoutes(AuditService audit) {
    this.audit = audit;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/audit").respond(ctx -> audit.list(Actors.of(ctx),
            QueryParams.optionalId(ctx, "subject"),
            QueryParams.optionalId(ctx, "before"),
            QueryParams.intParam(ctx, "limit", 50, 1, 500))
        .map(entries -> new JsonObject().put("items",
            new JsonArray(entries.stream().map(AuditEntry::toJson).toList()))));
  }
}
