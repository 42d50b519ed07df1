package org.rapporteur.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

public record SearchResults(long total, int offset, int limit, List<SearchHit> items) {
  public JsonObject toJson() {
    return new JsonObject()
        .put("total", total)
        .put("offset", offset)
        .put("limit", limit)
        .put("items", new JsonArray(items.stream().map(SearchHit::toJson).toList()));
  }
}
