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
 * The room logs. An event's {@code _id} is {@code <room>:<seq>}, so one sequence number holds at
 * most one event without an index of its own; a unique index on (room, clientId) makes every write
 * idempotent.
 */
final class EventStore {
  static final String EVENTS = "chat_events";
  static final String HEADS = "chat_heads";
  private static final String RETIRED_INDEX = "room_seq";

  private final MongoClient mongo;

  EventStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * One index besides {@code _id}: (room, clientId), for idempotent sends. A number needs none, since
   * it is part of the {@code _id}. Earlier versions kept a (room, seq) index as well, which every
   * message paid for with one more index write and never used; it is dropped where it exists.
   */
  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(EVENTS, new JsonObject().put("room", 1).put("clientId", 1),
            new IndexOptions().unique(true).name("room_clientId"))
        .compose(v -> mongo.listIndexes(EVENTS))
        .compose(indexes -> indexes.stream().anyMatch(i -> RETIRED_INDEX.equals(((JsonObject) i).getString("name")))
            ? mongo.dropIndex(EVENTS, RETIRED_INDEX) : Future.succeededFuture());
  }

  /**
   * A number at or below the room's head, so that finding the head reads only the ids after it. It
   * is raised after events are stored, never before, and never lowered.
   */
  Future<Long> headHint(String room) {
    return mongo.findOne(HEADS, new JsonObject().put("_id", room), null)
        .map(doc -> doc == null ? 0L : doc.getLong("stored", 0L));
  }

  Future<Void> raiseHeadHint(String room, long stored) {
    return mongo.updateCollectionWithOptions(HEADS, new JsonObject().put("_id", room),
        new JsonObject().put("$max", new JsonObject().put("stored", stored)), new UpdateOptions().setUpsert(true))
        .mapEmpty();
  }

  /**
   * Inserts the events in order in one command (one commit on the embedded server). On failure
   * (a number or a clientId already taken) the events before the failing one are stored and none
   * after it.
   */
  Future<Void> insertInOrder(List<ChatEvent> events) {
    if (events.size() == 1) {
      return mongo.insert(EVENTS, events.get(0).toDocument()).mapEmpty();
    }
    List<BulkOperation> inserts = events.stream().map(e -> BulkOperation.createInsert(e.toDocument())).toList();
    return mongo.bulkWriteWithOptions(EVENTS, inserts, new BulkWriteOptions().setOrdered(true)).mapEmpty();
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
