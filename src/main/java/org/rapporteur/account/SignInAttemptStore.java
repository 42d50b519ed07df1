package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * Sign-in attempts per e-mail address within a window, kept in MongoDB so that guessing is throttled
 * across all server processes and restarts. An attempt is counted by one atomic increment before
 * its password is looked at, so concurrent attempts each see a different count and no more than the
 * limit are ever evaluated in a window, however many arrive at once.
 */
final class SignInAttemptStore {
  static final String FAILURES = "sign_in_failures";

  /** Password-reset requests per e-mail address, counted the same way. */
  static final String RESET_REQUESTS = "password_reset_requests";

  private final MongoClient mongo;
  private final String collection;

  SignInAttemptStore(MongoClient mongo) {
    this(mongo, FAILURES);
  }

  SignInAttemptStore(MongoClient mongo, String collection) {
    this.mongo = mongo;
    this.collection = collection;
  }

  /** Counts one attempt and answers the count including it, and when its window ends. */
  Future<Window> countAttempt(String email, Instant now, Duration window) {
    return restartIfEnded(email, now, window).compose(v -> increment(email, now, window))
        // Two first attempts may race to insert the document; the loser then finds it and increments.
        .recover(e -> MongoErrors.isDuplicateKey(e) ? increment(email, now, window) : Future.failedFuture(e))
        .map(doc -> new Window(doc.getInteger("count"), MongoTime.read(doc, "windowEnds")));
  }

  private Future<JsonObject> increment(String email, Instant now, Duration window) {
    return mongo.findOneAndUpdateWithOptions(collection,
        new JsonObject().put("_id", email),
        new JsonObject()
            .put("$inc", new JsonObject().put("count", 1))
            .put("$setOnInsert", new JsonObject().put("windowEnds", MongoTime.of(now.plus(window)))),
        new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true));
  }

  /**
   * Starts a new window when the last one has ended. Conditional on the end still being past, so
   * when several attempts find it ended only the first restarts it.
   */
  private Future<Void> restartIfEnded(String email, Instant now, Duration window) {
    return mongo.updateCollection(collection,
        new JsonObject().put("_id", email).put("windowEnds", new JsonObject().put("$lte", MongoTime.of(now))),
        new JsonObject().put("$set", new JsonObject().put("count", 0).put("windowEnds", MongoTime.of(now.plus(window)))))
        .mapEmpty();
  }

  /**
   * Gives back the attempt of a right password: the count then holds failures (and attempts still
   * being checked) only, so a person who mistyped once is not locked out by signing in on several
   * devices; it never lets more wrong guesses through, as only a right password is given back.
   */
  Future<Void> refund(String email) {
    return mongo.updateCollection(collection,
        new JsonObject().put("_id", email).put("count", new JsonObject().put("$gt", 0)),
        new JsonObject().put("$inc", new JsonObject().put("count", -1))).mapEmpty();
  }

  record Window(int count, Instant endsAt) {}
}
