package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/**
 * Failed sign-ins per e-mail address within a window, kept in MongoDB so that guessing is throttled
 * across all server processes and restarts.
 */
final class SignInAttemptStore {
  static final String FAILURES = "sign_in_failures";

  private final MongoClient mongo;

  SignInAttemptStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Failures counted in the current window, and when that window ends. */
  Future<Window> current(String email, Instant now) {
    return mongo.findOne(FAILURES, new JsonObject().put("_id", email), null).map(doc -> {
      if (doc == null || !MongoTime.read(doc, "windowEnds").isAfter(now)) {
        return new Window(0, now);
      }
      return new Window(doc.getInteger("count", 0), MongoTime.read(doc, "windowEnds"));
    });
  }

  Future<Void> recordFailure(String email, Instant now, Duration window) {
    return current(email, now).compose(current -> {
      JsonObject update = current.count() == 0
          ? new JsonObject().put("$set", new JsonObject().put("count", 1).put("windowEnds", MongoTime.of(now.plus(window))))
          : new JsonObject().put("$inc", new JsonObject().put("count", 1));
      return mongo.findOneAndUpdateWithOptions(FAILURES, new JsonObject().put("_id", email), update,
          new FindOptions(), new UpdateOptions().setUpsert(true));
    }).mapEmpty();
  }

  Future<Void> clear(String email) {
    return mongo.removeDocument(FAILURES, new JsonObject().put("_id", email)).mapEmpty();
  }

  record Window(int count, Instant endsAt) {}
}
