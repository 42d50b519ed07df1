package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;

/**
 * The {@code chat} section of the configuration. {@code rateLimit.enabled=false} lifts the per-user
 * limit (the load benchmark does this); the other limits always apply. The transport's limits in the
 * same section (frame size, send queue, heartbeats) are read by {@code RealtimeConfig}.
 */
public record ChatConfig(
    int maxTextLength,
    boolean rateLimitEnabled,
    int rateBurst,
    double ratePerSecond,
    int historyMaxLimit,
    int searchScanEvents) {

  public static ChatConfig fromJson(JsonObject json) {
    JsonObject rate = json.getJsonObject("rateLimit", new JsonObject());
    return new ChatConfig(
        json.getInteger("maxTextLength", 4000),
        rate.getBoolean("enabled", true),
        rate.getInteger("burst", 10),
        rate.getDouble("perSecond", 1.0),
        json.getInteger("historyMaxLimit", 200),
        json.getInteger("searchScanEvents", 5_000));
  }
}
