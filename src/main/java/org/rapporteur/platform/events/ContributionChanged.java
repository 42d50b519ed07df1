package org.rapporteur.platform.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What the indexes need to know of a contribution after it changed: its metadata and the extracted
 * text of its current revision (empty until extracted), published on
 * {@link Addresses#CONTRIBUTION_CHANGED}, so that no index calls the contribution feature back.
 * {@code sector} and {@code groupCode} are those of its group; {@code status} is the wire name
 * ({@code submitted}, {@code withdrawn}, ...); {@code deleted} says the contribution no longer
 * exists and leaves every index. It travels as JSON, so it crosses a cluster as well as one process.
 */
public record ContributionChanged(String id, String groupId, String groupCode, String sector, String number,
    String title, String source, List<String> questions, String status, String meetingId, String language,
    String text, boolean deleted) {

  public static final String WITHDRAWN = "withdrawn";

  public ContributionChanged {
    questions = questions == null ? List.of() : List.copyOf(questions);
    text = text == null ? "" : text;
  }

  /** Withdrawn and deleted contributions are no longer current work. */
  public boolean withdrawnOrDeleted() {
    return deleted || WITHDRAWN.equals(status);
  }

  public static ContributionChanged deleted(String id) {
    return new ContributionChanged(id, null, null, null, null, null, null, List.of(), null, null, null, "", true);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("groupId", groupId)
        .put("groupCode", groupCode)
        .put("sector", sector)
        .put("number", number)
        .put("title", title)
        .put("source", source)
        .put("questions", new JsonArray(questions))
        .put("status", status)
        .put("meetingId", meetingId)
        .put("language", language)
        .put("text", text)
        .put("deleted", deleted);
  }

  public static ContributionChanged fromJson(JsonObject json) {
    JsonArray questions = json.getJsonArray("questions", new JsonArray());
    return new ContributionChanged(json.getString("id"), json.getString("groupId"), json.getString("groupCode"),
        json.getString("sector"), json.getString("number"), json.getString("title"), json.getString("source"),
        questions.stream().map(String::valueOf).toList(), json.getString("status"), json.getString("meetingId"),
        json.getString("language"), json.getString("text", ""), json.getBoolean("deleted", false));
  }
}
