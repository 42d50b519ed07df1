package org.rapporteur.operate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code metrics} and {@code shutdown} sections. {@code metrics.allowFrom}: the address ranges (CIDR)
 * that may read {@code /metrics} without signing in; admins may read it from anywhere. On SIGTERM the
 * server fails readiness for {@code shutdown.unreadySeconds} (so load balancers stop sending), then stops
 * accepting and gives running requests up to {@code shutdown.graceSeconds} to finish.
 */
public record OperationsConfig(AddressRanges metricsAllowFrom, int unreadySeconds, int graceSeconds) {

  public static OperationsConfig fromJson(JsonObject root) {
    JsonObject metrics = root.getJsonObject("metrics", new JsonObject());
    JsonObject shutdown = root.getJsonObject("shutdown", new JsonObject());
    JsonArray allow = metrics.getJsonArray("allowFrom", new JsonArray().add("127.0.0.0/8").add("::1/128"));
    return new OperationsConfig(
        AddressRanges.parse("metrics.allowFrom", allow.stream().map(String::valueOf).toList()),
        shutdown.getInteger("unreadySeconds", 3),
        shutdown.getInteger("graceSeconds", 20));
  }

  public List<String> allowFrom() {
    return metricsAllowFrom.ranges();
  }
}
