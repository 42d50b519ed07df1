package org.rapporteur.operate;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this process should get traffic: the database answers, the indexes are open, the extractor
 * takes files, and the process is not shutting down. Liveness ({@code /health}) stays apart: a
 * draining process is alive but not ready.
 */
final class Readiness {
  private static final long PING_TIMEOUT_MS = 2000;

  private final Supplier<Future<Void>> databasePing;
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
  private volatile boolean draining;

  Readiness(Supplier<Future<Void>> databasePing) {
    this.databasePing = databasePing;
  }

  /** Adds a check reported under {@code name}. */
  void check(String name, BooleanSupplier up) {
    checks.put(name, up);
  }

  void drain() {
    draining = true;
  }

  boolean draining() {
    return draining;
  }

  /** Each check as {@code UP} or {@code DOWN}, and {@code status} UP only if all are. */
  Future<JsonObject> evaluate() {
    if (draining) {
      // At once, not after a database ping that a loaded machine may take seconds to answer: the load
      // balancer must see this before shutdown.unreadySeconds end and the WebSockets close.
      JsonObject checks = new JsonObject().put("shutdown", state(false));
      return Future.succeededFuture(new JsonObject().put("status", state(false)).put("checks", checks)
          .put("failed", List.of("shutdown")));
    }
    return databasePing.get().timeout(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .transform(ping -> {
          JsonObject result = new JsonObject().put("database", state(ping.succeeded()));
          checks.forEach((name, up) -> result.put(name, state(safely(up))));
          result.put("shutdown", draining ? "DOWN" : "UP");
          boolean ready = result.stream().allMatch(e -> "UP".equals(e.getValue()));
          List<String> failed = result.stream().filter(e -> !"UP".equals(e.getValue())).map(Map.Entry::getKey).toList();
          return Future.succeededFuture(new JsonObject().put("status", state(ready)).put("checks", result)
              .put("failed", failed));
        });
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String state(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
