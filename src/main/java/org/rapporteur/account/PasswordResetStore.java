package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.rapporteur.platform.json.MongoTime;

/**
 * Password-reset tokens. As with sessions only a SHA-256 of the token is stored, so a copy of the
 * database resets nobody's password; a token is spent by one atomic update, so two uses racing
 * each other cannot both succeed.
 */
final class PasswordResetStore {
  static final String RESETS = "password_resets";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoClient mongo;

  PasswordResetStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(RESETS, new JsonObject().put("userId", 1), new IndexOptions());
  }

  /** Returns the new token (URL-safe base64 of 32 random bytes), the only time it exists in clear. */
  Future<String> create(String userId, Instant now, Instant expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    JsonObject doc = new JsonObject()
        .put("_id", SessionStore.digest(token))
        .put("userId", userId)
        .put("spent", false)
        .put("createdAt", MongoTime.of(now))
        .put("expiresAt", MongoTime.of(expiresAt));
    return mongo.insert(RESETS, doc).map(id -> token);
  }

  /** The user id of a live, unspent token, or null; spends nothing. */
  Future<String> findLive(String token, Instant now) {
    return mongo.findOne(RESETS, live(token, now), null).map(doc -> doc == null ? null : doc.getString("userId"));
  }

  /** Spends a live token; answers its user id, or null when it was unknown, expired or already spent. */
  Future<String> spend(String token, Instant now) {
    return mongo.findOneAndUpdateWithOptions(RESETS, live(token, now),
            new JsonObject().put("$set", new JsonObject().put("spent", true).put("spentAt", MongoTime.of(now))),
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .map(doc -> doc == null ? null : doc.getString("userId"));
  }

  /** Once a password is set, the person's other reset links stop working too. */
  Future<Void> spendAllOf(String userId, Instant now) {
    return mongo.updateCollectionWithOptions(RESETS, new JsonObject().put("userId", userId).put("spent", false),
        new JsonObject().put("$set", new JsonObject().put("spent", true).put("spentAt", MongoTime.of(now))),
        new UpdateOptions().setMulti(true)).mapEmpty();
  }

  Future<Void> deleteExpired(Instant now) {
    return mongo.removeDocuments(RESETS,
        new JsonObject().put("expiresAt", new JsonObject().put("$lt", MongoTime.of(now)))).mapEmpty();
  }

  private static JsonObject live(String token, Instant now) {
    return new JsonObject().put("_id", SessionStore.digest(token)).put("spent", false)
        .put("expiresAt", new JsonObject().put("$gt", MongoTime.of(now)));
  }
}
