package org.rapporteur.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code /health} for load balancers and monitors, and the OpenAPI description. */
public final class SystemRoutes implements RouteModule {
  private static final long PING_TIMEOUT_MS = 2000;

  private final Supplier<Future<Void>> databasePing;
  private final String openApi;
  private final Supplier<JsonObject> details;
  private final Instant startedAt = Instant.now();

  /** {@code openApi} is read at start-up, so serving it never touches the disk. */
  public SystemRoutes(Supplier<Future<Void>> databasePing, String openApi) {
    this(databasePing, openApi, JsonObject::new);
  }

  /** With {@code details} merged into every health answer (the cluster's members). */
  public SystemRoutes(Supplier<Future<Void>> databasePing, String openApi, Supplier<JsonObject> details) {
    this.databasePing = databasePing;
    this.openApi = openApi;
    this.details = details;
  }

  @Override
  public void mount(Router router) {
    router.get("/health").handler(ctx -> databasePing.get()
        .timeout(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ping -> {
          JsonObject body = new JsonObject()
              .put("status", ping.succeeded() ? "UP" : "DOWN")
              .put("database", ping.succeeded() ? "UP" : "DOWN")
              .put("uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds())
              .mergeIn(details.get());
          ctx.response()
              .setStatusCode(ping.succeeded() ? 200 : 503)
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store")
              .end(body.encode());
        }));
    router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(openApi));
  }
}
