package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/**
 * The agenda item under discussion, marked by a chair. It is kept beside the agenda's items rather
 * than as a new agenda version: marking it is not an edit of the agenda and must not collide with one.
 * {@code startedAt} lets every page count the item's planned minutes down from the same moment.
 */
public record CurrentItem(String itemId, Instant startedAt, String by) {

  static CurrentItem fromDocument(JsonObject doc) {
    return doc == null || doc.getString("itemId") == null ? null
        : new CurrentItem(doc.getString("itemId"), MongoTime.read(doc, "startedAt"), doc.getString("by"));
  }

  JsonObject toDocument() {
    return new JsonObject().put("itemId", itemId).put("startedAt", MongoTime.of(startedAt)).put("by", by);
  }

  public JsonObject toJson() {
    return new JsonObject().put("itemId", itemId).put("startedAt", startedAt.toString()).put("by", by);
  }

  static JsonObject toJson(CurrentItem current) {
    return current == null ? null : current.toJson();
  }
}
