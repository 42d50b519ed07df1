package org.rapporteur.search;

import io.vertx.core.json.JsonObject;

/**
 * The {@code search} section: how many index writes may wait, the largest page of hits, and the
 * bounds of a query (characters, words, and index terms one fuzzy or prefix word may expand to).
 */
public record SearchConfig(int writeQueueLength, int maxPageSize, int maxQueryLength, int maxQueryTerms,
    int maxTermExpansions) {

  public static SearchConfig fromJson(JsonObject json) {
    return new SearchConfig(json.getInteger("writeQueueLength", 1000), json.getInteger("maxPageSize", 50),
        json.getInteger("maxQueryLength", 300), json.getInteger("maxQueryTerms", 16),
        json.getInteger("maxTermExpansions", 10));
  }
}
