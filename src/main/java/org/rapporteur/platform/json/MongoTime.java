package org.rapporteur.platform.json;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Instants stored as BSON dates (UTC), so they sort and compare in the database. */
public final class MongoTime {
  private MongoTime() {}

  public static JsonObject of(Instant instant) {
    return new JsonObject().put("$date", instant.toString());
  }

  public static Instant read(JsonObject document, String field) {
    Object value = document.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonObject date) {
      return Instant.parse(date.getString("$date"));
    }
    return Instant.parse(value.toString());
  }
}
