package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** A session of a group; times are stored in UTC and shown in the meeting's own time zone too. */
public record Meeting(String id, String groupId, String title, MeetingKind kind, Instant start, Instant end,
    String timeZone, String venue, String remoteInstructions, Instant contributionDeadline, Instant createdAt, Cancellation cancellation) {

  static Meeting fromDocument(JsonObject doc) {
    return new Meeting(doc.getString("_id"), doc.getString("groupId"), doc.getString("title"),
        WireEnum.parse(MeetingKind.class, doc.getString("kind")), MongoTime.read(doc, "start"),
        MongoTime.read(doc, "end"), doc.getString("timeZone"), doc.getString("venue"),
        doc.getString("remoteInstructions"), MongoTime.read(doc, "contributionDeadline"),
        MongoTime.read(doc, "createdAt"), Cancellation.fromDocument(doc.getJsonObject("cancellation")));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("groupId", groupId)
        .put("title", title)
        .put("kind", kind.wire())
        .put("start", MongoTime.of(start))
        .put("end", MongoTime.of(end))
        .put("timeZone", timeZone)
        .put("venue", venue)
        .put("remoteInstructions", remoteInstructions)
        .put("contributionDeadline", contributionDeadline == null ? null : MongoTime.of(contributionDeadline))
        .put("createdAt", MongoTime.of(createdAt))
        .put("cancellation", cancellation == null ? null : cancellation.toDocument());
  }

  public JsonObject toJson() {
    ZoneId zone = ZoneId.of(timeZone);
    return new JsonObject()
        .put("id", id)
        .put("groupId", groupId)
        .put("title", title)
        .put("kind", kind.wire())
        .put("start", start.toString())
        .put("end", end.toString())
        .put("timeZone", timeZone)
        .put("startLocal", start.atZone(zone).toLocalDateTime().toString())
        .put("endLocal", end.atZone(zone).toLocalDateTime().toString())
        .put("venue", venue)
        .put("remoteInstructions", remoteInstructions)
        .put("contributionDeadline", contributionDeadline == null ? null : contributionDeadline.toString())
        .put("cancellation", cancellation == null ? null : cancellation.toJson());
  }

  Meeting withCancellation(Cancellation newCancellation) {
    return new Meeting(id, groupId, title, kind, start, end, timeZone, venue, remoteInstructions, contributionDeadline,
        createdAt, newCancellation);
  }
}
