package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;

/** Meetings and their participants. */
final class MeetingStore {
  static final String MEETINGS = "meetings";
  static final String PARTICIPANTS = "meeting_participants";

  private final MongoClient mongo;

  MeetingStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(MEETINGS, new JsonObject().put("groupId", 1).put("start", 1), new IndexOptions())
        .compose(v -> mongo.createIndexWithOptions(PARTICIPANTS, new JsonObject().put("meetingId", 1), new IndexOptions()));
  }

  Future<Meeting> insert(Meeting meeting) {
    return mongo.insert(MEETINGS, meeting.toDocument()).map(id -> meeting);
  }

  Future<Meeting> replace(Meeting meeting) {
    return mongo.replaceDocuments(MEETINGS, new JsonObject().put("_id", meeting.id()), meeting.toDocument())
        .map(result -> meeting);
  }

  Future<Optional<Meeting>> findById(String id) {
    return mongo.findOne(MEETINGS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Meeting::fromDocument));
  }

  Future<List<Meeting>> findByGroup(String groupId) {
    return mongo.findWithOptions(MEETINGS, new JsonObject().put("groupId", groupId),
            new FindOptions().setSort(new JsonObject().put("start", 1)))
        .map(docs -> docs.stream().map(Meeting::fromDocument).toList());
  }

  /** The first meeting of the group that has not ended at {@code now}. */
  Future<Optional<Meeting>> findNext(String groupId, Instant now) {
    JsonObject query = new JsonObject().put("groupId", groupId)
        .put("end", new JsonObject().put("$gt", MongoTime.of(now)));
    return mongo.findWithOptions(MEETINGS, query, new FindOptions().setSort(new JsonObject().put("start", 1)).setLimit(1))
        .map(docs -> docs.stream().findFirst().map(Meeting::fromDocument));
  }

  Future<Void> saveParticipant(Participant participant) {
    return mongo.replaceDocumentsWithOptions(PARTICIPANTS,
        new JsonObject().put("_id", Participant.key(participant.meetingId(), participant.userId())),
        participant.toDocument(), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  Future<Optional<Participant>> findParticipant(String meetingId, String userId) {
    return mongo.findOne(PARTICIPANTS, new JsonObject().put("_id", Participant.key(meetingId, userId)), null)
        .map(doc -> Optional.ofNullable(doc).map(Participant::fromDocument));
  }

  Future<List<Participant>> findParticipants(String meetingId) {
    return mongo.findWithOptions(PARTICIPANTS, new JsonObject().put("meetingId", meetingId),
            new FindOptions().setSort(new JsonObject().put("name", 1)))
        .map(docs -> docs.stream().map(Participant::fromDocument).toList());
  }

  Future<Boolean> deleteParticipant(String meetingId, String userId) {
    return mongo.removeDocument(PARTICIPANTS, new JsonObject().put("_id", Participant.key(meetingId, userId)))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }
}
