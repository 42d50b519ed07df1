package org.rapporteur.liaison;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/** The {@code liaison} section of the configuration. */
public record LiaisonConfig(List<Integer> reminderDaysBefore, Duration reminderInterval) {

  public static LiaisonConfig fromJson(JsonObject json) {
    JsonArray days = json.getJsonArray("reminderDaysBefore", new JsonArray().add(7).add(1));
    List<Integer> sorted = days.stream().map(d -> ((Number) d).intValue()).filter(d -> d > 0).sorted().toList();
    return new LiaisonConfig(sorted, Duration.ofMillis(Math.max(100, json.getLong("reminderIntervalMillis", 3_600_000L))));
  }
}
