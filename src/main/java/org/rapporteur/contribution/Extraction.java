package org.rapporteur.contribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.json.MongoTime;

/** What Tika read from one file: state {@code pending}, {@code done} or {@code failed} with a reason. */
public record Extraction(String state, String reason, String detail, String detectedType, String title,
    List<String> authors, Integer pages, String language, boolean truncated, int textChars, long millis,
    Instant finishedAt) {

  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  static Extraction pending() {
    return new Extraction(PENDING, null, null, null, null, List.of(), null, null, false, 0, 0, null);
  }

  /** From the child's answer; the text itself is stored apart. */
  static Extraction fromResult(JsonObject result, Instant finishedAt) {
    String text = result.getString("text", "");
    return new Extraction(result.getString("state", FAILED), result.getString("reason"),
        abbreviate(result.getString("detail")), result.getString("detectedType"), result.getString("title"),
        strings(result.getJsonArray("authors")), result.getInteger("pages"), result.getString("language"),
        result.getBoolean("truncated", false), text.length(), result.getLong("millis", 0L), finishedAt);
  }

  static Extraction fromDocument(JsonObject doc) {
    if (doc == null) {
      return pending();
    }
    return new Extraction(doc.getString("state", PENDING), doc.getString("reason"), doc.getString("detail"),
        doc.getString("detectedType"), doc.getString("title"), strings(doc.getJsonArray("authors")),
        doc.getInteger("pages"), doc.getString("language"), doc.getBoolean("truncated", false),
        doc.getInteger("textChars", 0), doc.getLong("millis", 0L), MongoTime.read(doc, "finishedAt"));
  }

  JsonObject toDocument() {
    return toJson().put("finishedAt", finishedAt == null ? null : MongoTime.of(finishedAt));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("state", state)
        .put("reason", reason)
        .put("detail", detail)
        .put("detectedType", detectedType)
        .put("title", title)
        .put("authors", new JsonArray(authors))
        .put("pages", pages)
        .put("language", language)
        .put("truncated", truncated)
        .put("textChars", textChars)
        .put("millis", millis)
        .put("finishedAt", finishedAt == null ? null : finishedAt.toString());
  }

  public boolean done() {
    return DONE.equals(state);
  }

  static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  private static String abbreviate(String detail) {
    return detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300) + "…";
  }
}
