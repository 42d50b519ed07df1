package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;

/**
 * One line of an agenda's visible history, as a kind and its parameters (item numbers, titles,
 * document numbers, treatment codes) for the browser to put into words in the reader's language.
 */
public record AgendaChange(String kind, JsonObject params) {
  static AgendaChange of(String kind, Object... namesAndValues) {
    JsonObject params = new JsonObject();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        params.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return new AgendaChange(kind, params);
  }

  public JsonObject toJson() {
    return new JsonObject().put("kind", kind).put("params", params.copy());
  }
}
