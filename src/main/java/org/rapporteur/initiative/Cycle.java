package org.rapporteur.initiative;

import io.vertx.core.json.JsonObject;

/** A WTDC cycle: the conference that adopted a set of initiatives and the years they run. */
public record Cycle(String code, String name, int startYear, int endYear) {
  static Cycle fromJson(JsonObject json) {
    return new Cycle(json.getString("code"), json.getString("name"), json.getInteger("startYear"),
        json.getInteger("endYear"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("name", name).put("startYear", startYear).put("endYear", endYear);
  }
}
