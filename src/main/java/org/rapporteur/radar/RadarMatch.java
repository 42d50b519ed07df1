package org.rapporteur.radar;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One similar document of the other sector. {@code score} is the cosine similarity (0 to 1) of the
 * two texts' TF-IDF vectors; {@code sharedTerms} are the words that contribute most to it.
 */
public record RadarMatch(RadarDocument document, double score, List<String> sharedTerms) {
  public JsonObject toJson() {
    return describe(document)
        .put("score", Math.round(score * 1000) / 1000.0)
        .put("sharedTerms", new JsonArray(sharedTerms));
  }

  static JsonObject describe(RadarDocument d) {
    return new JsonObject()
        .put("kind", d.kind()).put("id", d.sourceId()).put("sector", d.sector()).put("groupId", d.groupId())
        .put("groupCode", d.groupCode()).put("ref", d.ref()).put("title", d.title());
  }
}
