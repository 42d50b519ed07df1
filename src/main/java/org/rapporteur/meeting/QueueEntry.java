package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** One request for the floor; {@code userId} is null for a person the chair added who has no account. */
public record QueueEntry(String id, String meetingId, String userId, String name, String country,
    ParticipationMode mode, SpeakerState state, long position, Instant requestedAt, Instant grantedAt) {

  static QueueEntry fromDocument(JsonObject doc) {
    return new QueueEntry(doc.getString("_id"), doc.getString("meetingId"), doc.getString("userId"),
        doc.getString("name"), doc.getString("country"), WireEnum.parse(ParticipationMode.class, doc.getString("mode")),
        WireEnum.parse(SpeakerState.class, doc.getString("state")), doc.getLong("position", 0L),
        MongoTime.read(doc, "requestedAt"), MongoTime.read(doc, "grantedAt"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("meetingId", meetingId)
        .put("userId", userId)
        .put("name", name)
        .put("country", country)
        .put("mode", mode.wire())
        .put("state", state.wire())
        .put("position", position)
        .put("requestedAt", MongoTime.of(requestedAt))
        .put("grantedAt", grantedAt == null ? null : MongoTime.of(grantedAt));
  }

  boolean active() {
    return state == SpeakerState.WAITING || state == SpeakerState.SPEAKING;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("userId", userId)
        .put("name", name)
        .put("country", country)
        .put("mode", mode.wire())
        .put("state", state.wire())
        .put("requestedAt", requestedAt.toString())
        .put("grantedAt", grantedAt == null ? null : grantedAt.toString());
  }
}
