package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One document per month ({@code _id} = yyyy-mm) holding the units of each currency per US dollar. */
final class ExchangeRateStore {
  static final String RATES = "exchange_rates";

  private final MongoClient mongo;

  ExchangeRateStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> put(String month, Map<String, Double> perUsd) {
    JsonObject doc = new JsonObject().put("_id", month).put("perUsd", new JsonObject(new java.util.TreeMap<>(perUsd)));
    return mongo.replaceDocumentsWithOptions(RATES, new JsonObject().put("_id", month), doc,
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  Future<Optional<Map<String, Double>>> month(String month) {
    return mongo.findOne(RATES, new JsonObject().put("_id", month), null).map(doc -> Optional.ofNullable(doc)
        .map(ExchangeRateStore::rates));
  }

  /** Every month with its rates, oldest first. */
  Future<Map<String, Map<String, Double>>> all() {
    return mongo.findWithOptions(RATES, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> {
          Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
          docs.forEach(d -> out.put(d.getString("_id"), rates(d)));
          return out;
        });
  }

  Future<List<JsonObject>> months(List<String> months) {
    return mongo.find(RATES, new JsonObject().put("_id", new JsonObject().put("$in", new io.vertx.core.json.JsonArray(months))));
  }

  static Map<String, Double> rates(JsonObject doc) {
    Map<String, Double> rates = new java.util.TreeMap<>();
    doc.getJsonObject("perUsd", new JsonObject()).forEach(e -> rates.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    return rates;
  }
}
