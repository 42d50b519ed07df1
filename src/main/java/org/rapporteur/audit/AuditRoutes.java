package org.rapporteur.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.audit.AuditEntry;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;

public final class AuditRoutes implements RouteModule {
  /** Actions are dotted lower-case words (liaison.send); a prefix of one is matched, nothing else. */
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]*(\\.[a-z-]*)*");

  private final AuditService audit;

  public AuditRoutes(AuditService audit) {
    this.audit = audit;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/audit").respond(ctx -> audit.list(Actors.of(ctx),
            QueryParams.optionalId(ctx, "subject"),
            actorEmail(ctx),
            actionPrefix(ctx),
            QueryParams.optionalId(ctx, "before"),
            QueryParams.intParam(ctx, "limit", 50, 1, 500))
        .map(entries -> new JsonObject().put("items",
            new JsonArray(entries.stream().map(AuditEntry::toJson).toList()))));
  }

  private static String actorEmail(RoutingContext ctx) {
    String email = QueryParams.optionalString(ctx, "actor", 254);
    if (email != null && !email.contains("@")) {
      throw InvalidInputException.of("actor", "must be the e-mail address of the person who acted");
    }
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  private static String actionPrefix(RoutingContext ctx) {
    String action = QueryParams.optionalString(ctx, "action", 60);
    if (action != null && !ACTION.matcher(action).matches()) {
      throw InvalidInputException.of("action", "must be an action such as liaison.send, or its start such as liaison.");
    }
    return action;
  }
}
