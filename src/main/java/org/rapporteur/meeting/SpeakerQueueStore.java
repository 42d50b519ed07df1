package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.Counters;

final class SpeakerQueueStore {
  static final String QUEUE = "speaker_queue";
  static final String COUNTERS = "counters";
  private static final JsonArray ACTIVE = new JsonArray().add(SpeakerState.WAITING.wire()).add(SpeakerState.SPEAKING.wire());
  /**
   * Set while a participant's entry is active, and unique: a request sent twice (a double click, a retry
   * on a slow link) cannot queue the same person twice, also when both pass the check at once.
   */
  private static final String ACTIVE_KEY = "activeKey";

  private final MongoClient mongo;

  SpeakerQueueStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(QUEUE, new JsonObject().put("meetingId", 1).put("state", 1), new IndexOptions())
        .compose(v -> mongo.createIndexWithOptions(QUEUE, new JsonObject().put(ACTIVE_KEY, 1),
            new IndexOptions().unique(true).sparse(true)));
  }

  private static JsonObject withActiveKey(QueueEntry entry) {
    JsonObject doc = entry.toDocument();
    if (entry.userId() != null && entry.active()) {
      doc.put(ACTIVE_KEY, entry.meetingId() + ":" + entry.userId());
    }
    return doc;
  }

  /** The queue's version after one more change. */
  Future<Long> nextVersion(String meetingId) {
    return Counters.next(mongo, COUNTERS, versionCounter(meetingId));
  }

  private static String versionCounter(String meetingId) {
    return "queueVersion:" + meetingId;
  }

  Future<Long> version(String meetingId) {
    return mongo.findOne(COUNTERS, new JsonObject().put("_id", versionCounter(meetingId)), null)
        .map(doc -> doc == null ? 0L : doc.getLong("seq", 0L));
  }

  /** Positions only grow, so a new request always queues behind everyone already waiting. */
  Future<Long> nextPosition(String meetingId) {
    return Counters.next(mongo, COUNTERS, "queue:" + meetingId).map(seq -> seq * 1000);
  }

  Future<QueueEntry> insert(QueueEntry entry) {
    return mongo.insert(QUEUE, withActiveKey(entry)).map(id -> entry);
  }

  Future<List<QueueEntry>> active(String meetingId) {
    return mongo.findWithOptions(QUEUE, new JsonObject().put("meetingId", meetingId)
                .put("state", new JsonObject().put("$in", ACTIVE)),
            new FindOptions().setSort(new JsonObject().put("position", 1)))
        .map(docs -> docs.stream().map(QueueEntry::fromDocument).toList());
  }

  Future<Optional<QueueEntry>> find(String meetingId, String entryId) {
    return mongo.findOne(QUEUE, new JsonObject().put("_id", entryId).put("meetingId", meetingId), null)
        .map(doc -> Optional.ofNullable(doc).map(QueueEntry::fromDocument));
  }

  /** Changes the state only if the entry is still active, so two chairs acting at once cannot revive it. */
  Future<Boolean> setState(String entryId, SpeakerState state, Instant grantedAt) {
    JsonObject set = new JsonObject().put("state", state.wire());
    if (grantedAt != null) {
      set.put("grantedAt", MongoTime.of(grantedAt));
    }
    JsonObject update = new JsonObject().put("$set", set);
    if (!ACTIVE.contains(state.wire())) {
      update.put("$unset", new JsonObject().put(ACTIVE_KEY, ""));
    }
    return mongo.updateCollection(QUEUE, new JsonObject().put("_id", entryId).put("state", new JsonObject().put("$in", ACTIVE)),
            update)
        .map(result -> result != null && result.getDocModified() > 0);
  }

  Future<Void> setPosition(String entryId, long position) {
    return mongo.updateCollection(QUEUE, new JsonObject().put("_id", entryId),
        new JsonObject().put("$set", new JsonObject().put("position", position))).mapEmpty();
  }

  Future<Void> finishSpeakers(String meetingId) {
    return mongo.updateCollectionWithOptions(QUEUE, new JsonObject().put("meetingId", meetingId)
            .put("state", SpeakerState.SPEAKING.wire()),
        new JsonObject().put("$set", new JsonObject().put("state", SpeakerState.DONE.wire()))
            .put("$unset", new JsonObject().put(ACTIVE_KEY, "")),
        new UpdateOptions().setMulti(true)).mapEmpty();
  }
}
