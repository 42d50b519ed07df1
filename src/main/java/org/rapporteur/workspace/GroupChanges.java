package org.rapporteur.workspace;

import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.json.JsonInput;

/** The fields of a group that may change after creation; absent fields stay as they are. */
public record GroupChanges(String title, String mandate, Region region, Visibility visibility) {

  public static GroupChanges from(JsonInput in) {
    String title = in.optionalString("title", 300);
    String mandate = in.optionalString("mandate", 20_000);
    Region region = in.optionalChoice("region", Region.class);
    Visibility visibility = in.optionalChoice("visibility", Visibility.class);
    if (in.has("title") && title == null) {
      in.fail("title", "must not be empty");
    }
    in.done();
    return new GroupChanges(title, mandate, region, visibility);
  }

  JsonObject toSet() {
    JsonObject set = new JsonObject();
    if (title != null) {
      set.put("title", title);
    }
    if (mandate != null) {
      set.put("mandate", mandate);
    }
    if (region != null) {
      set.put("region", region.wire());
    }
    if (visibility != null) {
      set.put("visibility", visibility.wire());
    }
    return set;
  }

  boolean isEmpty() {
    return toSet().isEmpty();
  }
}
