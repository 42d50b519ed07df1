package org.rapporteur.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;

/** {@code language} and {@code timeZone}: the person's choice for the pages, or null for the browser's own. */
public record User(String id, String email, String name, String country, String affiliation,
    Set<GlobalRole> roles, Instant createdAt, String language, String timeZone) {

  public static User fromDocument(JsonObject doc) {
    Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
    for (Object role : doc.getJsonArray("roles", new JsonArray())) {
      GlobalRole parsed = WireEnum.parse(GlobalRole.class, String.valueOf(role));
      if (parsed != null) {
        roles.add(parsed);
      }
    }
    return new User(doc.getString("_id"), doc.getString("email"), doc.getString("name"),
        doc.getString("country"), doc.getString("affiliation"), roles, MongoTime.read(doc, "createdAt"),
        doc.getString("language"), doc.getString("timeZone"));
  }

  public Actor toActor() {
    return new Actor(id, email, name, roles);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("email", email)
        .put("name", name)
        .put("country", country)
        .put("affiliation", affiliation)
        .put("roles", new JsonArray(roles.stream().map(GlobalRole::wire).toList()))
        .put("createdAt", createdAt == null ? null : createdAt.toString())
        .put("language", language)
        .put("timeZone", timeZone);
  }

  /** What the person tells about themselves and may change (GET and PATCH /api/me/profile). */
  public JsonObject toProfileJson() {
    return new JsonObject()
        .put("email", email)
        .put("name", name)
        .put("country", country)
        .put("affiliation", affiliation)
        .put("language", language)
        .put("timeZone", timeZone);
  }
}
