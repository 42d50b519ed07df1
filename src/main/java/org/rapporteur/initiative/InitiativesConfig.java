package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The {@code initiatives} section of the configuration: the WTDC cycles known, list limits, reports. */
public record InitiativesConfig(List<Cycle> cycles, int maxPageSize, int maxTextLength, int maxListItems,
    ReportsConfig reports) {
  public static InitiativesConfig fromJson(JsonObject json) {
    List<Cycle> cycles = json.getJsonArray("cycles", new JsonArray()).stream()
        .map(c -> Cycle.fromJson((JsonObject) c)).toList();
    return new InitiativesConfig(cycles, json.getInteger("maxPageSize", 200), json.getInteger("maxTextLength", 20_000),
        json.getInteger("maxListItems", 100), ReportsConfig.fromJson(json));
  }

  public Optional<Cycle> cycle(String code) {
    return cycles.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The cycle whose years come last: the current one. */
  public Optional<Cycle> latest() {
    return cycles.stream().max(java.util.Comparator.comparingInt(Cycle::startYear));
  }
}
