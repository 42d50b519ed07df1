package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;

/**
 * The {@code register} section of the configuration: how many documents a meeting's register lists,
 * and how large the ZIP of their originals may grow (it has no ZIP64 records, so under 4 GiB).
 */
public record RegisterConfig(int maxDocuments, long maxZipBytes) {
  private static final long ZIP32_LIMIT = 0xFFFF_FFFFL - 64L * 1024 * 1024;

  public static RegisterConfig fromJson(JsonObject json) {
    return new RegisterConfig(json.getInteger("maxDocuments", 1000),
        Math.min(ZIP32_LIMIT, json.getLong("maxZipBytes", 2L * 1024 * 1024 * 1024)));
  }
}
