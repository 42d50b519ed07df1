package org.rapporteur.joining;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** A person's request to join a group, as they were when they asked, and what became of it. */
public record JoinRequest(String id, String groupId, String userId, String name, String email, String country,
    String affiliation, String message, State state, Instant createdAt, String decidedBy, Instant decidedAt) {

  public enum State implements WireEnum {
    PENDING("pending"), ACCEPTED("accepted"), DECLINED("declined");

    private final String wire;

    State(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** The key only a pending request holds: a unique index on it lets one be pending per person and group. */
  static String pendingKey(String groupId, String userId) {
    return groupId + ":" + userId;
  }

  JsonObject toDocument() {
    JsonObject doc = new JsonObject().put("_id", id).put("groupId", groupId).put("userId", userId).put("name", name)
        .put("email", email).put("country", country).put("affiliation", affiliation).put("message", message)
        .put("state", state.wire()).put("createdAt", MongoTime.of(createdAt));
    if (state == State.PENDING) {
      doc.put("pending", pendingKey(groupId, userId));
    }
    return doc;
  }

  static JoinRequest fromDocument(JsonObject doc) {
    return new JoinRequest(doc.getString("_id"), doc.getString("groupId"), doc.getString("userId"),
        doc.getString("name"), doc.getString("email"), doc.getString("country"), doc.getString("affiliation"),
        doc.getString("message"), WireEnum.parse(State.class, doc.getString("state")), MongoTime.read(doc, "createdAt"),
        doc.getString("decidedBy"), doc.containsKey("decidedAt") ? MongoTime.read(doc, "decidedAt") : null);
  }

  /** The e-mail address only for those who decide; the asker sees their own request without it. */
  public JsonObject toJson(boolean withEmail) {
    return new JsonObject().put("id", id).put("groupId", groupId).put("userId", userId).put("name", name)
        .put("email", withEmail ? email : null).put("country", country).put("affiliation", affiliation)
        .put("message", message).put("state", state.wire()).put("createdAt", createdAt.toString())
        .put("decidedAt", decidedAt == null ? null : decidedAt.toString());
  }
}
