package org.rapporteur.workspace;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;

/** A study Question of a group, numbered as ITU writes it: Q4/1 is Question 4 of Study Group 1. */
public record Question(String id, String groupId, String number, String title, Instant createdAt) {
  static final Pattern NUMBER = Pattern.compile("Q\\d{1,3}(-\\d{1,2})?/\\d{1,2}");

  static Question fromDocument(JsonObject doc) {
    return new Question(doc.getString("_id"), doc.getString("groupId"), doc.getString("number"),
        doc.getString("title"), MongoTime.read(doc, "createdAt"));
  }

  JsonObject toDocument() {
    return new JsonObject().put("_id", id).put("groupId", groupId).put("number", number).put("title", title)
        .put("createdAt", MongoTime.of(createdAt));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("groupId", groupId).put("number", number).put("title", title);
  }

  /** What is given to add a Question. */
  public record Draft(String number, String title) {
    public static Draft from(JsonInput in) {
      String number = in.requiredMatching("number", NUMBER, "must look like Q4/1 (Question 4 of Study Group 1)");
      String title = in.requiredString("title", 500);
      in.done();
      return new Draft(number, title);
    }
  }
}
