package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.rapporteur.platform.errors.TooManyRequestsException;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * The per-person message limit shared by every node of a cluster, so that a person with tabs on three
 * nodes gets one allowance, not three: at most {@code burst} messages in each window of
 * {@code burst / perSecond} seconds, counted in MongoDB by one atomic increment per message (no
 * read-then-write that concurrent messages could race). Each node's own {@link RateLimiter} still
 * smooths the rate within a window.
 */
final class RateLimitStore {
  static final String LIMITS = "chat_rate_limits";
  private static final long CLEAN_EVERY_MILLIS = 60_000;

  private final MongoClient mongo;
  private final int burst;
  private final long windowMillis;
  private final AtomicLong cleanedAt = new AtomicLong();

  RateLimitStore(MongoClient mongo, int burst, double perSecond) {
    this.mongo = mongo;
    this.burst = burst;
    this.windowMillis = Math.max(1000, (long) Math.ceil(burst / perSecond * 1000));
  }

  /** Counts one message in the person's current window, or fails with too-many-requests past the allowance. */
  Future<Void> take(String userId) {
    long now = System.currentTimeMillis();
    long window = now / windowMillis;
    forgetOldWindows(window, now);
    JsonObject id = new JsonObject().put("_id", userId + "|" + window);
    JsonObject inc = new JsonObject().put("$inc", new JsonObject().put("count", 1))
        .put("$setOnInsert", new JsonObject().put("window", window));
    UpdateOptions upsert = new UpdateOptions().setUpsert(true).setReturningNewDocument(true);
    return mongo.findOneAndUpdateWithOptions(LIMITS, id, inc, new FindOptions(), upsert)
        // Two first messages of a window may race to insert it; the loser increments what the winner made.
        .recover(e -> MongoErrors.isDuplicateKey(e)
            ? mongo.findOneAndUpdateWithOptions(LIMITS, id, inc, new FindOptions(), upsert) : Future.failedFuture(e))
        .compose(doc -> doc.getInteger("count") <= burst ? Future.succeededFuture()
            : Future.failedFuture(new TooManyRequestsException("Too many messages; wait a moment",
                Duration.ofMillis((window + 1) * windowMillis - now))));
  }

  /** Windows before the last one count for nothing; one node or another removes them now and then. */
  private void forgetOldWindows(long window, long now) {
    long last = cleanedAt.get();
    if (now - last > CLEAN_EVERY_MILLIS && cleanedAt.compareAndSet(last, now)) {
      mongo.removeDocuments(LIMITS, new JsonObject().put("window", new JsonObject().put("$lt", window - 1)));
    }
  }
}
