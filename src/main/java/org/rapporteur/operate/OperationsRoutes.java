package org.rapporteur.operate;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.security.GlobalRole;

/** {@code GET /metrics} (Prometheus text) for admins and allowed addresses, and {@code GET /health/ready}. */
final class OperationsRoutes implements RouteModule {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final AddressRanges allowFrom;
  private final Handler<RoutingContext> sessions;
  private final Readiness readiness;

  OperationsRoutes(Vertx vertx, PrometheusMeterRegistry registry, AddressRanges allowFrom,
      Handler<RoutingContext> sessions, Readiness readiness) {
    this.vertx = vertx;
    this.registry = registry;
    this.allowFrom = allowFrom;
    this.sessions = sessions;
    this.readiness = readiness;
  }

  @Override
  public void mount(Router router) {
    router.get("/metrics").handler(sessions).handler(this::scrape);
    router.get("/health/ready").handler(ctx -> readiness.evaluate().onSuccess(body -> ctx.response()
        .setStatusCode("UP".equals(body.getString("status")) ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode())).onFailure(ctx::fail));
  }

  private void scrape(RoutingContext ctx) {
    if (!allowFrom.contains(ctx.request().remoteAddress().hostAddress())) {
      Actor actor = Actors.of(ctx);
      if (!actor.signedIn()) {
        ctx.fail(new UnauthenticatedException("Sign in as an admin, or read the metrics from an allowed address"));
        return;
      }
      if (!actor.has(GlobalRole.ADMIN)) {
        ctx.fail(new ForbiddenException("Only admins may read the metrics"));
        return;
      }
    }
    // A scrape walks every meter: off the event loop, and never two at once for one request.
    vertx.executeBlocking(registry::scrape, false).onSuccess(text -> ctx.response()
        .putHeader("Content-Type", PROMETHEUS_TEXT)
        .putHeader("Cache-Control", "no-store")
        .end(text)).onFailure(ctx::fail);
  }
}
