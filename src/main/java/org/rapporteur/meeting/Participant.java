package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** A person registered for a meeting, and whether and how they attended. */
public record Participant(String meetingId, String userId, String name, String country, String affiliation,
    ParticipationMode mode, Instant registeredAt, ParticipationMode attendedMode, Instant attendedAt) {

  static Participant fromDocument(JsonObject doc) {
    return new Participant(doc.getString("meetingId"), doc.getString("userId"), doc.getString("name"),
        doc.getString("country"), doc.getString("affiliation"),
        WireEnum.parse(ParticipationMode.class, doc.getString("mode")), MongoTime.read(doc, "registeredAt"),
        WireEnum.parse(ParticipationMode.class, doc.getString("attendedMode")), MongoTime.read(doc, "attendedAt"));
  }

  static String key(String meetingId, String userId) {
    return meetingId + ":" + userId;
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", key(meetingId, userId))
        .put("meetingId", meetingId)
        .put("userId", userId)
        .put("name", name)
        .put("country", country)
        .put("affiliation", affiliation)
        .put("mode", mode.wire())
        .put("registeredAt", MongoTime.of(registeredAt))
        .put("attendedMode", attendedMode == null ? null : attendedMode.wire())
        .put("attendedAt", attendedAt == null ? null : MongoTime.of(attendedAt));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("name", name)
        .put("country", country)
        .put("affiliation", affiliation)
        .put("mode", mode.wire())
        .put("registeredAt", registeredAt.toString())
        .put("attendedMode", attendedMode == null ? null : attendedMode.wire())
        .put("attendedAt", attendedAt == null ? null : attendedAt.toString());
  }
}
