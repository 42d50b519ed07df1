package org.rapporteur.liaison;

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
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.Counters;
import org.rapporteur.platform.mongo.MongoErrors;

/** Statements, their numbering counters and the record of reminders already sent. */
final class LiaisonStore {
  static final String LIAISONS = "liaisons";
  static final String COUNTERS = "counters";
  static final String REMINDERS = "liaison_reminders";
  private static final int MAX_LIST = 500;
  private static final List<String> OPEN = List.of(DeliveryState.RECEIVED.wire(), DeliveryState.IN_PROGRESS.wire());

  private final MongoClient mongo;

  LiaisonStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(LIAISONS, new JsonObject().put("from.groupId", 1), new IndexOptions())
        .compose(v -> mongo.createIndexWithOptions(LIAISONS, new JsonObject().put("deliveries.group.groupId", 1),
            new IndexOptions()))
        .compose(v -> mongo.createIndexWithOptions(LIAISONS, new JsonObject().put("threadId", 1), new IndexOptions()))
        .compose(v -> mongo.createIndexWithOptions(LIAISONS, new JsonObject().put("deadline", 1), new IndexOptions()));
  }

  Future<Liaison> insert(Liaison liaison) {
    return mongo.insert(LIAISONS, liaison.toDocument()).map(id -> liaison);
  }

  Future<Optional<Liaison>> findById(String id) {
    return mongo.findOne(LIAISONS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Liaison::fromDocument));
  }

  /** Stores {@code changed} only if nobody changed the statement since it was read; returns it with its new version. */
  Future<Liaison> replace(Liaison changed) {
    JsonObject set = changed.toDocument();
    set.remove("_id");
    set.put("version", changed.version() + 1);
    return mongo.updateCollection(LIAISONS, new JsonObject().put("_id", changed.id()).put("version", changed.version()),
            new JsonObject().put("$set", set))
        .map(result -> {
          if (result == null || result.getDocMatched() == 0) {
            throw new ConflictException("The statement was changed meanwhile; reload it and try again");
          }
          return Liaison.fromDocument(set.put("_id", changed.id()));
        });
  }

  /** The next number in a series; atomic, so two sends never share one and a number is never reused. */
  Future<Long> nextNumber(String series) {
    return Counters.next(mongo, COUNTERS, "liaison:" + series);
  }

  /** The number the next send in a series would take, without taking it (a preview: another send may come first). */
  Future<Long> peekNumber(String series) {
    return mongo.findOne(COUNTERS, new JsonObject().put("_id", "liaison:" + series), null)
        .map(doc -> (doc == null ? 0L : doc.getLong("seq", 0L)) + 1);
  }

  Future<List<Liaison>> outbox(String groupId, boolean withUnsent) {
    JsonObject query = new JsonObject().put("from.groupId", groupId);
    if (!withUnsent) {
      query.put("state", new JsonObject().put("$nin", new JsonArray().add("draft").add("approved")));
    }
    return find(query, new JsonObject().put("updatedAt", -1));
  }

  Future<List<Liaison>> inbox(String groupId) {
    return find(new JsonObject().put("deliveries.group.groupId", groupId), new JsonObject().put("sentAt", -1));
  }

  Future<List<Liaison>> overdue(String groupId, Instant now) {
    return find(new JsonObject()
        .put("deadline", new JsonObject().put("$lt", MongoTime.of(now)))
        .put("deliveries", new JsonObject().put("$elemMatch", new JsonObject()
            .put("group.groupId", groupId).put("copy", false)
            .put("state", new JsonObject().put("$in", new JsonArray(OPEN))))), new JsonObject().put("deadline", 1));
  }

  /** Sent statements still open somewhere whose deadline falls between now and {@code horizon}. */
  Future<List<Liaison>> dueBetween(Instant now, Instant horizon) {
    return find(new JsonObject()
        .put("deadline", new JsonObject().put("$gt", MongoTime.of(now)).put("$lte", MongoTime.of(horizon)))
        .put("deliveries.state", new JsonObject().put("$in", new JsonArray(OPEN))), new JsonObject().put("deadline", 1));
  }

  Future<List<Liaison>> thread(String threadId) {
    return find(new JsonObject().put("threadId", threadId), new JsonObject().put("createdAt", 1));
  }

  Future<List<Liaison>> recentSent(int limit) {
    return mongo.findWithOptions(LIAISONS,
            new JsonObject().put("state", new JsonObject().put("$nin", new JsonArray().add("draft").add("approved"))),
            new FindOptions().setSort(new JsonObject().put("sentAt", -1)).setLimit(limit))
        .map(docs -> docs.stream().map(Liaison::fromDocument).toList());
  }

  Future<Void> moveThread(String fromThreadId, String toThreadId) {
    return mongo.updateCollectionWithOptions(LIAISONS, new JsonObject().put("threadId", fromThreadId),
        new JsonObject().put("$set", new JsonObject().put("threadId", toThreadId)),
        new UpdateOptions().setMulti(true)).mapEmpty();
  }

  /** Claims one reminder; false when it was already claimed (sent before, perhaps before a restart). */
  Future<Boolean> claimReminder(String key, Instant now) {
    return mongo.insert(REMINDERS, new JsonObject().put("_id", key).put("at", MongoTime.of(now)))
        .map(id -> true)
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  private Future<List<Liaison>> find(JsonObject query, JsonObject sort) {
    return mongo.findWithOptions(LIAISONS, query, new FindOptions().setSort(sort).setLimit(MAX_LIST))
        .map(docs -> docs.stream().map(Liaison::fromDocument).toList());
  }
}
