package org.rapporteur.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One contribution that matched, with a highlighted snippet (HTML-escaped, matches in {@code <mark>}). */
public record SearchHit(String id, String number, String title, String groupId, String status, String language,
    List<String> questions, float score, String snippet) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("number", number)
        .put("title", title)
        .put("groupId", groupId)
        .put("status", status)
        .put("language", language)
        .put("questions", new JsonArray(questions))
        .put("score", score)
        .put("snippet", snippet);
  }
}
