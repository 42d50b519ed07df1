package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.rapporteur.platform.json.MongoTime;

/**
 * Who is muted in which room. Kept in the database so every server process sees the same; each
 * process keeps the mutes of the rooms it writes to in memory, because every message asks. A
 * change is announced on the event bus, which drops that room's copy in every process at once; the
 * copies also expire, so a process that missed the announcement is wrong for a few seconds at most.
 */
final class MuteStore {
  static final String MUTES = "chat_mutes";
  static final String CHANGED_ADDRESS = "rapporteur.chat.mutes";
  private static final long CACHE_MILLIS = 5_000;
  private static final int MAX_CACHED_ROOMS = 10_000;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Future<Set<String>> muted, long at) {}

  MuteStore(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
  }

  Future<Void> start() {
    return vertx.eventBus().<String>consumer(CHANGED_ADDRESS, message -> cache.remove(message.body()))
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

  Future<Boolean> isMuted(String room, String userId) {
    long now = System.currentTimeMillis();
    if (cache.size() > MAX_CACHED_ROOMS) {
      cache.clear();
    }
    Cached cached = cache.computeIfAbsent(room, r -> new Cached(load(r), now));
    if (now - cached.at() >= CACHE_MILLIS && cached.muted().isComplete()) {
      refresh(room, cached, now);
    }
    return cached.muted().onFailure(e -> cache.remove(room, cached)).map(muted -> muted.contains(userId));
  }

  /**
   * Reloads an expired room in the background while callers keep the answer they have: a reload
   * under load can take a while, and every message of the room would wait for it. A copy dropped
   * by an announcement meanwhile is not put back.
   */
  private void refresh(String room, Cached expired, long now) {
    Cached refreshing = new Cached(expired.muted(), now);
    if (cache.replace(room, expired, refreshing)) {
      Future<Set<String>> fresh = load(room);
      fresh.onSuccess(muted -> cache.replace(room, refreshing, new Cached(fresh, System.currentTimeMillis())));
    }
  }

  /** Bound to no event loop: a message checked against it goes on in the thread that asked, without a hop. */
  private Future<Set<String>> load(String room) {
    Promise<Set<String>> loaded = Promise.promise();
    mongo.findWithOptions(MUTES, new JsonObject().put("room", room),
            new FindOptions().setFields(new JsonObject().put("userId", 1)))
        .map(docs -> docs.stream().map(d -> d.getString("userId")).collect(Collectors.toUnmodifiableSet()))
        .onComplete(loaded);
    return loaded.future();
  }

  private void announce(String room) {
    cache.remove(room);
    vertx.eventBus().publish(CHANGED_ADDRESS, room);
  }

  private static String id(String room, String userId) {
    return room + "|" + userId;
  }
}
