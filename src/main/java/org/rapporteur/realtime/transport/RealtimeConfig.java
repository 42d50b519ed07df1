package org.rapporteur.realtime.transport;

import io.vertx.core.json.JsonObject;

/**
 * The transport's limits. They are read from the {@code chat} section of the configuration, where
 * they have always been documented, though they apply to every room.
 */
public record RealtimeConfig(
    int maxFrameChars,
    int sendQueueBytes,
    int replayBufferEvents,
    int pingIntervalSeconds,
    int idleTimeoutSeconds,
    int maxConcurrentReplays) {

  public static RealtimeConfig fromJson(JsonObject json) {
    return new RealtimeConfig(
        json.getInteger("maxFrameChars", 16_384),
        json.getInteger("sendQueueBytes", 1_048_576),
        json.getInteger("replayBufferEvents", 10_000),
        json.getInteger("pingIntervalSeconds", 25),
        json.getInteger("idleTimeoutSeconds", 70),
        json.getInteger("maxConcurrentReplays", 8));
  }
}
