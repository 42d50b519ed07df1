package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.realtime.room.RefreshingCache;

/**
 * Who is muted in which room. Kept in the database so every server process sees the same; each
 * process keeps the mutes of the rooms it writes to in memory, because every message asks. A
 * change is announced on the event bus, which drops that room's copy in every process at once; the
 * copies also expire, so a process that missed the announcement is wrong for a few seconds at most.
 */
final class MuteStore {
  static final String MUTES = "chat_mutes";
  private static final long CACHE_MILLIS = 5_000;
  private static final int MAX_CACHED_ROOMS = 10_000;
  /** More than any meeting mutes; the list answers a moderator's page, not an export. */
  private static final int MAX_LISTED = 1_000;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final RefreshingCache<String, Set<String>> cache =
      new RefreshingCache<>(CACHE_MILLIS, MAX_CACHED_ROOMS, this::load);

  MuteStore(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
  }

  Future<Void> start() {
    return vertx.eventBus().<String>consumer(Addresses.CHAT_MUTES_CHANGED, message -> cache.remove(message.body()))
        .completion()
        .compose(v -> mongo.createIndexWithOptions(MUTES, new JsonObject().put("room", 1),
            new IndexOptions().name("room")));
  }

  Future<Void> mute(String room, String userId, String byUserId) {
    JsonObject doc = new JsonObject().put("room", room).put("userId", userId).put("by", byUserId)
        .put("at", MongoTime.of(Instant.now()));
    return mongo.updateCollectionWithOptions(MUTES, new JsonObject().put("_id", id(room, userId)),
        new JsonObject().put("$set", doc), new UpdateOptions().setUpsert(true))
        .onSuccess(v -> announce(room)).mapEmpty();
  }

  Future<Boolean> unmute(String room, String userId) {
    return mongo.removeDocument(MUTES, new JsonObject().put("_id", id(room, userId)))
        .onSuccess(v -> announce(room))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }

  /** A muted participant: who muted them and when. */
  record Mute(String userId, String by, Instant at) {
    JsonObject toJson() {
      return new JsonObject().put("userId", userId).put("by", by).put("at", at == null ? null : at.toString());
    }
  }

  /** The room's mutes, oldest first, read from the database (not the cache): a moderator acts on it. */
  Future<List<Mute>> list(String room) {
    return mongo.findWithOptions(MUTES, new JsonObject().put("room", room),
            new FindOptions().setSort(new JsonObject().put("at", 1)).setLimit(MAX_LISTED))
        .map(docs -> docs.stream().map(d -> new Mute(d.getString("userId"), d.getString("by"),
            MongoTime.read(d, "at"))).toList());
  }

  Future<Boolean> isMuted(String room, String userId) {
    return cache.get(room).map(muted -> muted.contains(userId));
  }

  private Future<Set<String>> load(String room) {
    return mongo.findWithOptions(MUTES, new JsonObject().put("room", room),
            new FindOptions().setFields(new JsonObject().put("userId", 1)))
        .map(docs -> docs.stream().map(d -> d.getString("userId")).collect(Collectors.toUnmodifiableSet()));
  }

  private void announce(String room) {
    cache.remove(room);
    vertx.eventBus().publish(Addresses.CHAT_MUTES_CHANGED, room);
  }

  private static String id(String room, String userId) {
    return room + "|" + userId;
  }
}
