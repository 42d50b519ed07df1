package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;

/**
 * The room logs and their counters. An event's {@code _id} is {@code <room>:<seq>}, so one sequence
 * number holds at most one event; a unique index on (room, clientId) makes every write idempotent.
 */
final class EventStore {
  static final String EVENTS = "chat_events";
  static final String COUNTERS = "chat_counters";

  private final MongoClient mongo;

  EventStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(EVENTS, new JsonObject().put("room", 1).put("clientId", 1),
            new IndexOptions().unique(true).name("room_clientId"))
        .compose(v -> mongo.createIndexWithOptions(EVENTS, new JsonObject().put("room", 1).put("seq", 1),
            new IndexOptions().unique(true).name("room_seq")));
  }

  /** Reserves the room's next sequence number (atomic, also across server processes). */
  Future<Long> reserve(String room) {
    return reserve(room, 1);
  }

  /** Reserves the next {@code count} numbers; the future holds the last of them. */
  Future<Long> reserve(String room, int count) {
    return mongo.findOneAndUpdateWithOptions(COUNTERS, new JsonObject().put("_id", room),
            new JsonObject().put("$inc", new JsonObject().put("head", (long) count)),
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> doc.getLong("head"));
  }

  /** The highest sequence number handed out so far (some of the last may still be being written). */
  Future<Long> reservedHead(String room) {
    return mongo.findOne(COUNTERS, new JsonObject().put("_id", room), null)
        .map(doc -> doc == null ? 0L : doc.getLong("head", 0L));
  }

  /** Fails with a duplicate-key error when the sequence number or the clientId is taken. */
  Future<Void> insert(ChatEvent event) {
    return mongo.insert(EVENTS, event.toDocument()).mapEmpty();
  }

  /** Inserts several events in one command (one commit on the embedded server); fails if any one fails. */
  Future<Void> insertAll(List<ChatEvent> events) {
    if (events.size() == 1) {
      return insert(events.get(0));
    }
    List<BulkOperation> inserts = events.stream().map(e -> BulkOperation.createInsert(e.toDocument())).toList();
    return mongo.bulkWriteWithOptions(EVENTS, inserts, new BulkWriteOptions().setOrdered(false)).mapEmpty();
  }

  Future<Optional<ChatEvent>> findByClientId(String room, String clientId) {
    return mongo.findOne(EVENTS, new JsonObject().put("room", room).put("clientId", clientId), null)
        .map(doc -> Optional.ofNullable(doc).map(ChatEvent::fromDocument));
  }

  Future<Optional<ChatEvent>> findBySeq(String room, long seq) {
    return mongo.findOne(EVENTS, new JsonObject().put("_id", ChatEvent.documentId(room, seq)), null)
        .map(doc -> Optional.ofNullable(doc).map(ChatEvent::fromDocument));
  }

  /** Events with after &lt; seq &le; upTo, in order, at most {@code limit}. */
  Future<List<ChatEvent>> range(String room, long after, long upTo, int limit) {
    return byIds(room, after + 1, Math.min(upTo, after + limit), 1);
  }

  /** The {@code limit} events before {@code before}, newest first. */
  Future<List<ChatEvent>> page(String room, long before, int limit) {
    return byIds(room, Math.max(1, before - limit), before - 1, -1);
  }

  /**
   * Sequence numbers make the ids of a range known in advance, so a range is read as an
   * {@code _id $in} lookup: real MongoDB and the embedded server both answer that from the _id
   * index, where the embedded one would scan the whole collection for a {@code seq} range.
   */
  private Future<List<ChatEvent>> byIds(String room, long from, long to, int order) {
    if (to < from) {
      return Future.succeededFuture(List.of());
    }
    JsonArray ids = new JsonArray();
    for (long seq = from; seq <= to; seq++) {
      ids.add(ChatEvent.documentId(room, seq));
    }
    return mongo.findWithOptions(EVENTS, new JsonObject().put("_id", new JsonObject().put("$in", ids)),
            new FindOptions().setSort(new JsonObject().put("seq", order)))
        .map(docs -> docs.stream().map(ChatEvent::fromDocument).toList());
  }

  /** Keeps a message's stored text current with its latest edit, for history readers. */
  Future<Void> markEdited(String room, long seq, String text, Instant at) {
    return mongo.updateCollection(EVENTS, new JsonObject().put("_id", ChatEvent.documentId(room, seq)),
        new JsonObject().put("$set", new JsonObject().put("text", text).put("editedAt", MongoTime.of(at))))
        .mapEmpty();
  }

  /** Removes a deleted message's text, and the text of its edits, from storage. */
  Future<Void> markDeleted(String room, long seq) {
    JsonObject unsetText = new JsonObject().put("$unset", new JsonObject().put("text", ""));
    return mongo.updateCollection(EVENTS, new JsonObject().put("_id", ChatEvent.documentId(room, seq)),
            unsetText.copy().put("$set", new JsonObject().put("deleted", true)))
        .compose(v -> mongo.updateCollectionWithOptions(EVENTS,
            new JsonObject().put("room", room).put("kind", ChatEvent.EDIT).put("target", seq),
            unsetText, new UpdateOptions().setMulti(true)))
        .mapEmpty();
  }
}
