package org.rapporteur.contribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** An input document to a group, numbered in the group's series, with its files (revisions). */
public record Contribution(String id, String groupId, String groupCode, long seq, String number, String title,
    List<String> questions, String source, List<String> contacts, String purpose, String meetingId,
    Instant deadline, boolean late, ContributionStatus status, String createdBy, Instant createdAt,
    Instant updatedAt, List<Revision> revisions) {

  static Contribution fromDocument(JsonObject doc) {
    JsonArray revs = doc.getJsonArray("revisions", new JsonArray());
    return new Contribution(doc.getString("_id"), doc.getString("groupId"), doc.getString("groupCode"),
        doc.getLong("seq"), doc.getString("number"), doc.getString("title"),
        Extraction.strings(doc.getJsonArray("questions")), doc.getString("source"),
        Extraction.strings(doc.getJsonArray("contacts")), doc.getString("purpose"), doc.getString("meetingId"),
        MongoTime.read(doc, "deadline"), doc.getBoolean("late", false),
        WireEnum.parse(ContributionStatus.class, doc.getString("status")), doc.getString("createdBy"),
        MongoTime.read(doc, "createdAt"), MongoTime.read(doc, "updatedAt"),
        revs.stream().map(r -> Revision.fromDocument((JsonObject) r)).toList());
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("groupId", groupId)
        .put("groupCode", groupCode)
        .put("seq", seq)
        .put("number", number)
        .put("title", title)
        .put("questions", new JsonArray(questions))
        .put("source", source)
        .put("contacts", new JsonArray(contacts))
        .put("purpose", purpose)
        .put("meetingId", meetingId)
        .put("deadline", deadline == null ? null : MongoTime.of(deadline))
        .put("late", late)
        .put("status", status.wire())
        .put("createdBy", createdBy)
        .put("createdAt", MongoTime.of(createdAt))
        .put("updatedAt", MongoTime.of(updatedAt))
        .put("revisionCount", revisions.size())
        .put("revisions", new JsonArray(revisions.stream().map(Revision::toDocument).toList()));
  }

  public Revision current() {
    return revisions.get(revisions.size() - 1);
  }

  public Revision revision(int rev) {
    return revisions.stream().filter(r -> r.rev() == rev).findFirst().orElse(null);
  }

  public JsonObject toJson() {
    Revision current = current();
    return new JsonObject()
        .put("id", id)
        .put("groupId", groupId)
        .put("number", number)
        .put("label", Revision.label(number, current.rev()))
        .put("title", title)
        .put("questions", new JsonArray(questions))
        .put("source", source)
        .put("contacts", new JsonArray(contacts))
        .put("purpose", purpose)
        .put("meetingId", meetingId)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("late", late)
        .put("status", status.wire())
        .put("createdBy", createdBy)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString())
        .put("revision", current.rev())
        .put("size", current.size())
        .put("extraction", current.extraction().toJson())
        .put("revisions", new JsonArray(revisions.stream().map(r -> r.toJson(number)).toList()));
  }
}
