package org.rapporteur.platform.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.json.MongoTime;

/**
 * The change feed's collections. An entry's {@code _id} is its sequence number, so a number holds at
 * most one entry without an index of its own, and a range is read by its ids. One more document keeps
 * two marks: {@code stored}, a number at or below the head (so finding the head reads only the ids
 * after it), and {@code trimmed}, the number up to which old entries were removed.
 */
public final class ChangeFeedStore {
  static final String ENTRIES = "change_feed";
  static final String MARKS = "change_feed_marks";
  private static final String FEED = "feed";

  private final MongoClient mongo;

  public ChangeFeedStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Fails with a duplicate key when another writer took the number first. */
  Future<Void> insert(ChangeFeed.Entry entry) {
    return mongo.insert(ENTRIES, new JsonObject().put("_id", entry.seq()).put("address", entry.address())
        .put("body", entry.body()).put("at", MongoTime.of(entry.at()))).mapEmpty();
  }

  /** Entries with {@code from <= seq <= to}, in order: an {@code _id $in} lookup, answered from the _id index. */
  Future<List<ChangeFeed.Entry>> range(long from, long to) {
    if (to < from) {
      return Future.succeededFuture(List.of());
    }
    JsonArray ids = new JsonArray();
    for (long seq = from; seq <= to; seq++) {
      ids.add(seq);
    }
    return mongo.findWithOptions(ENTRIES, new JsonObject().put("_id", new JsonObject().put("$in", ids)),
            new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(ChangeFeedStore::entry).toList());
  }

  private static ChangeFeed.Entry entry(JsonObject doc) {
    return new ChangeFeed.Entry(((Number) doc.getValue("_id")).longValue(), doc.getString("address"),
        doc.getJsonObject("body", new JsonObject()), MongoTime.read(doc, "at"));
  }

  /** The two marks: {@code [stored, trimmed]}, both 0 for a new feed. */
  Future<long[]> marks() {
    return mongo.findOne(MARKS, new JsonObject().put("_id", FEED), null).map(doc -> doc == null ? new long[2]
        : new long[] {doc.getLong("stored", 0L), doc.getLong("trimmed", 0L)});
  }

  Future<Void> raiseStored(long stored) {
    return raise(new JsonObject().put("stored", stored));
  }

  /** Raised before the entries go, so a reader that misses one learns why; an existing entry is a valid head hint too. */
  Future<Void> raiseTrimmed(long trimmed) {
    return raise(new JsonObject().put("stored", trimmed).put("trimmed", trimmed));
  }

  private Future<Void> raise(JsonObject marks) {
    return mongo.updateCollectionWithOptions(MARKS, new JsonObject().put("_id", FEED),
        new JsonObject().put("$max", marks), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** The newest entry written before {@code cutoff}, or 0 when there is none. */
  Future<Long> lastBefore(Instant cutoff) {
    return mongo.findWithOptions(ENTRIES, new JsonObject().put("at", new JsonObject().put("$lt", MongoTime.of(cutoff))),
            new FindOptions().setSort(new JsonObject().put("_id", -1)).setLimit(1)
                .setFields(new JsonObject().put("_id", 1)))
        .map(docs -> docs.isEmpty() ? 0L : ((Number) docs.get(0).getValue("_id")).longValue());
  }

  Future<Long> removeThrough(long seq) {
    return mongo.removeDocuments(ENTRIES, new JsonObject().put("_id", new JsonObject().put("$lte", seq)))
        .map(result -> result == null ? 0L : result.getRemovedCount());
  }
}
