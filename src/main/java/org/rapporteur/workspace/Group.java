package org.rapporteur.workspace;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

public record Group(String id, String code, Sector sector, Region region, GroupKind kind, String title,
    String mandate, String parentId, Visibility visibility, Instant createdAt, Instant updatedAt) {

  static Group fromDocument(JsonObject doc) {
    return new Group(doc.getString("_id"), doc.getString("code"),
        WireEnum.parse(Sector.class, doc.getString("sector")),
        WireEnum.parse(Region.class, doc.getString("region")),
        WireEnum.parse(GroupKind.class, doc.getString("kind")),
        doc.getString("title"), doc.getString("mandate"), doc.getString("parentId"),
        WireEnum.parse(Visibility.class, doc.getString("visibility")),
        MongoTime.read(doc, "createdAt"), MongoTime.read(doc, "updatedAt"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("code", code)
        .put("codeKey", code.toUpperCase(java.util.Locale.ROOT))
        .put("sector", sector.wire())
        .put("region", region == null ? null : region.wire())
        .put("kind", kind.wire())
        .put("title", title)
        .put("mandate", mandate)
        .put("parentId", parentId)
        .put("visibility", visibility.wire())
        .put("createdAt", MongoTime.of(createdAt))
        .put("updatedAt", MongoTime.of(updatedAt));
  }

  public boolean isPublic() {
    return visibility == Visibility.PUBLIC;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("code", code)
        .put("sector", sector.wire())
        .put("region", region == null ? null : region.wire())
        .put("kind", kind.wire())
        .put("title", title)
        .put("mandate", mandate)
        .put("parentId", parentId)
        .put("visibility", visibility.wire())
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }
}
