package org.rapporteur.initiative;

import io.vertx.core.json.JsonObject;

/**
 * The {@code similarity} section: how many project changes may wait for the similarity index's
 * writer, the default and largest {@code limit} of "similar work in other regions", the largest page
 * of the synergy view, and the score (0 to 1) below which two projects are not called alike.
 */
public record SimilarityConfig(int writeQueueLength, int defaultLimit, int maxLimit, int maxSynergies,
    double minScore) {

  public static SimilarityConfig fromJson(JsonObject json) {
    return new SimilarityConfig(json.getInteger("writeQueueLength", 1000), json.getInteger("defaultLimit", 5),
        json.getInteger("maxLimit", 20), json.getInteger("maxSynergies", 200), json.getDouble("minScore", 0.05));
  }
}
