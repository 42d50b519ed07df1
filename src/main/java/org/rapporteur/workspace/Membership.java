package org.rapporteur.workspace;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;

/** A person's role in one group, with the name and affiliation they had when they were added. */
public record Membership(String groupId, String userId, GroupRole role, String name, String email, String country,
    String affiliation, Instant since) {

  static Membership fromDocument(JsonObject doc) {
    return new Membership(doc.getString("groupId"), doc.getString("userId"),
        WireEnum.parse(GroupRole.class, doc.getString("role")), doc.getString("name"), doc.getString("email"),
        doc.getString("country"), doc.getString("affiliation"), MongoTime.read(doc, "since"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", groupId + ":" + userId)
        .put("groupId", groupId)
        .put("userId", userId)
        .put("role", role.wire())
        .put("name", name)
        .put("email", email)
        .put("country", country)
        .put("affiliation", affiliation)
        .put("since", MongoTime.of(since));
  }

  /** E-mail addresses are shown only to those who manage the group. */
  public JsonObject toJson(boolean withEmail) {
    return new JsonObject()
        .put("userId", userId)
        .put("role", role.wire())
        .put("name", name)
        .put("email", withEmail ? email : null)
        .put("country", country)
        .put("affiliation", affiliation)
        .put("since", since.toString());
  }

  /** Who to add, by account id or e-mail address, and in which role. */
  public record Addition(String userId, String email, GroupRole role) {
    public static Addition from(JsonInput in) {
      String userId = in.optionalString("userId", 24);
      String email = in.optionalString("email", 254);
      GroupRole role = in.requiredChoice("role", GroupRole.class);
      if (userId == null && email == null) {
        in.fail("email", "give the e-mail address or the userId of the person to add");
      }
      if (userId != null && !Ids.isValid(userId)) {
        in.fail("userId", "must be an id of 24 hexadecimal digits");
      }
      in.done();
      return new Addition(userId, email, role);
    }
  }

  public static GroupRole readRole(JsonInput in) {
    GroupRole role = in.requiredChoice("role", GroupRole.class);
    in.done();
    return role;
  }
}
