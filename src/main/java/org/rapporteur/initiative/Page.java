package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** One page of a list and how many items the whole list holds. */
public record Page<T>(List<T> items, long total) {
  public JsonObject toJson(Function<T, JsonObject> item) {
    return new JsonObject().put("items", new JsonArray(items.stream().map(item).toList())).put("total", total);
  }
}
