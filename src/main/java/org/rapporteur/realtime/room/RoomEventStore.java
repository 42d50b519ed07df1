package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Optional;

/**
 * The room logs (in the collection that chat first had to itself, hence its name). An event's {@code _id} is {@code <room>:<seq>}, so one sequence number holds at
 * most one event without an index of its own; a unique index on (room, clientId) makes every write
 * idempotent.
 */
public final class RoomEventStore {
  public static final String EVENTS = "chat_events";
  static final String HEADS = "chat_heads";
  private static final String RETIRED_INDEX = "room_seq";

  private final MongoClient mongo;

  public RoomEventStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * One index besides {@code _id}: (room, clientId), for idempotent sends. A number needs none, since
   * it is part of the {@code _id}. Earlier versions kept a (room, seq) index as well, which every
   * message paid for with one more index write and never used; it is dropped where it exists.
   */
  public Future<Void> createIndexes() {
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
  Future<Void> insertInOrder(List<RoomEvent> events) {
    if (events.size() == 1) {
      return mongo.insert(EVENTS, events.get(0).toDocument()).mapEmpty();
    }
    List<BulkOperation> inserts = events.stream().map(e -> BulkOperation.createInsert(e.toDocument())).toList();
    return mongo.bulkWriteWithOptions(EVENTS, inserts, new BulkWriteOptions().setOrdered(true)).mapEmpty();
  }

  public Future<Optional<RoomEvent>> findByClientId(String room, String clientId) {
    return mongo.findOne(EVENTS, new JsonObject().put("room", room).put("clientId", clientId), null)
        .map(doc -> Optional.ofNullable(doc).map(RoomEvent::fromDocument));
  }

  public Future<Optional<RoomEvent>> findBySeq(String room, long seq) {
    return mongo.findOne(EVENTS, new JsonObject().put("_id", RoomEvent.documentId(room, seq)), null)
        .map(doc -> Optional.ofNullable(doc).map(RoomEvent::fromDocument));
  }

  /** Events with after &lt; seq &le; upTo, in order, at most {@code limit}. */
  public Future<List<RoomEvent>> range(String room, long after, long upTo, int limit) {
    return byIds(room, after + 1, Math.min(upTo, after + limit), 1);
  }

  /** The {@code limit} events before {@code before}, newest first. */
  public Future<List<RoomEvent>> page(String room, long before, int limit) {
    return byIds(room, Math.max(1, before - limit), before - 1, -1);
  }

  /**
   * Sequence numbers make the ids of a range known in advance, so a range is read as an
   * {@code _id $in} lookup: real MongoDB and the embedded server both answer that from the _id
   * index, where the embedded one would scan the whole collection for a {@code seq} range.
   */
  private Future<List<RoomEvent>> byIds(String room, long from, long to, int order) {
    if (to < from) {
      return Future.succeededFuture(List.of());
    }
    JsonArray ids = new JsonArray();
    for (long seq = from; seq <= to; seq++) {
      ids.add(RoomEvent.documentId(room, seq));
    }
    return mongo.findWithOptions(EVENTS, new JsonObject().put("_id", new JsonObject().put("$in", ids)),
            new FindOptions().setSort(new JsonObject().put("seq", order)))
        .map(docs -> docs.stream().map(RoomEvent::fromDocument).toList());
  }

  /**
   * Changes stored fields of one event's body ({@code update}: a MongoDB update such as {@code $set}),
   * for a feature that keeps its earlier events current, as chat does with edited and deleted messages.
   */
  public Future<Void> amend(String room, long seq, JsonObject update) {
    return mongo.updateCollection(EVENTS, new JsonObject().put("_id", RoomEvent.documentId(room, seq)), update)
        .mapEmpty();
  }

  /** The same for every event of the room whose kind and body fields match {@code match}. */
  public Future<Void> amendAll(String room, JsonObject match, JsonObject update) {
    return mongo.updateCollectionWithOptions(EVENTS, match.copy().put("room", room), update,
        new UpdateOptions().setMulti(true)).mapEmpty();
  }
}
