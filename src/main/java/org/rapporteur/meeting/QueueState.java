package org.rapporteur.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The speaker queue as read after its {@code version}-th change (or later). Two changes at once can
 * publish their queues in either order; a page keeps the one with the higher version, so it ends on
 * the queue as it really is.
 */
public record QueueState(long version, List<QueueEntry> entries) {

  public JsonObject toJson() {
    return new JsonObject().put("version", version).put("items", items());
  }

  JsonArray items() {
    return new JsonArray(entries.stream().map(QueueEntry::toJson).toList());
  }
}
