package org.rapporteur.search;

import io.vertx.core.json.JsonObject;

/** The {@code search} section: how many index writes may wait, and the largest page of hits. */
public record SearchConfig(int writeQueueLength, int maxPageSize) {
  public static SearchConfig fromJson(JsonObject json) {
    return new SearchConfig(json.getInteger("writeQueueLength", 1000), json.getInteger("maxPageSize", 50));
  }
}
