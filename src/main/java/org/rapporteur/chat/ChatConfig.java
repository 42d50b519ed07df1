package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;

/**
 * The {@code chat} section of the configuration. {@code rateLimit.enabled=false} lifts the per-user
 * limit (the load benchmark does this); the other limits always apply.
 */
public record ChatConfig(
    int maxTextLength,
    int maxFrameChars,
    boolean rateLimitEnabled,
    int rateBurst,
    double ratePerSecond,
    int sendQueueBytes,
    int replayBufferEvents,
    int pingIntervalSeconds,
    int idleTimeoutSeconds,
    int historyMaxLimit,
    int searchScanEvents) {

  public static ChatConfig fromJson(JsonObject json) {
    JsonObject rate = json.getJsonObject("rateLimit", new JsonObject());
    return new ChatConfig(
        json.getInteger("maxTextLength", 4000),
        json.getInteger("maxFrameChars", 16_384),
        rate.getBoolean("enabled", true),
        rate.getInteger("burst", 10),
        rate.getDouble("perSecond", 1.0),
        json.getInteger("sendQueueBytes", 1_048_576),
        json.getInteger("replayBufferEvents", 10_000),
        json.getInteger("pingIntervalSeconds", 25),
        json.getInteger("idleTimeoutSeconds", 70),
        json.getInteger("historyMaxLimit", 200),
        json.getInteger("searchScanEvents", 5_000));
  }
}
