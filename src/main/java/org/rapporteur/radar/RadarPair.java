package org.rapporteur.radar;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A cross-sector overlap on the radar page: two documents, their similarity and shared key terms. */
public record RadarPair(RadarDocument a, RadarDocument b, double score, List<String> sharedTerms) {
  public JsonObject toJson() {
    return new JsonObject()
        .put("a", RadarMatch.describe(a))
        .put("b", RadarMatch.describe(b))
        .put("score", Math.round(score * 1000) / 1000.0)
        .put("sharedTerms", new JsonArray(sharedTerms));
  }
}
