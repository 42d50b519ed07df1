package org.rapporteur.contribution;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** The {@code contributions} section of the configuration. */
public record ContributionsConfig(long maxFileBytes, int uploadsPerUserPerHour, Duration uploadExpiry,
    Extraction extraction, int lightViewPartChars, int uploadChunkBytes, Duration uploadLease) {

  /**
   * Child JVMs that run Tika: how many at once, how long one file may take, their heap and output caps; and
   * the job queue in MongoDB: how long a claim outlives a node that stopped renewing it, how many claims a
   * job gets before it fails, and how often an idle node looks for jobs it was not woken for.
   */
  public record Extraction(int workers, Duration timeout, int childHeapMb, int maxTextChars, int queueLength,
      boolean warmAtStart, Duration lease, int maxAttempts, Duration poll) {}

  public static ContributionsConfig fromJson(JsonObject json) {
    JsonObject extraction = json.getJsonObject("extraction", new JsonObject());
    return new ContributionsConfig(
        json.getLong("maxFileBytes", 50L * 1024 * 1024),
        json.getInteger("uploadsPerUserPerHour", 60),
        Duration.ofHours(json.getInteger("uploadExpiryHours", 24)),
        new Extraction(
            Math.max(1, extraction.getInteger("workers", 2)),
            Duration.ofSeconds(extraction.getInteger("timeoutSeconds", 60)),
            extraction.getInteger("childHeapMb", 256),
            extraction.getInteger("maxTextChars", 1_000_000),
            extraction.getInteger("queueLength", 200),
            extraction.getBoolean("warmAtStart", true),
            Duration.ofSeconds(Math.max(1, extraction.getInteger("leaseSeconds", 30))),
            Math.max(1, extraction.getInteger("maxAttempts", 3)),
            Duration.ofSeconds(Math.max(1, extraction.getInteger("pollSeconds", 5)))),
        json.getInteger("lightViewPartChars", 16_384),
        Math.max(1, json.getInteger("uploadChunkKiB", 255)) * 1024,
        Duration.ofSeconds(Math.max(1, json.getInteger("uploadLeaseSeconds", 30))));
  }
}
