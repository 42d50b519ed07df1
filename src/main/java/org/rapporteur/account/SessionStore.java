package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.rapporteur.platform.json.MongoTime;

/**
 * Sessions live in MongoDB so every server process of a cluster knows them. Only a SHA-256 of the
 * token is stored: a copy of the database does not hand out live sessions.
 */
final class SessionStore {
  static final String SESSIONS = "sessions";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoClient mongo;

  SessionStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(SESSIONS, new JsonObject().put("userId", 1), new IndexOptions());
  }

  /** Returns the new token, the only time it exists in clear. */
  Future<String> create(String userId, Instant expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    JsonObject doc = new JsonObject()
        .put("_id", digest(token))
        .put("userId", userId)
        .put("createdAt", MongoTime.of(Instant.now()))
        .put("expiresAt", MongoTime.of(expiresAt));
    return mongo.insert(SESSIONS, doc).map(id -> token);
  }

  /** The user id of a live session, or null. */
  Future<String> findUserId(String token, Instant now) {
    return mongo.findOne(SESSIONS, new JsonObject().put("_id", digest(token)), null)
        .map(doc -> doc == null || MongoTime.read(doc, "expiresAt").isBefore(now) ? null : doc.getString("userId"));
  }

  Future<Void> delete(String token) {
    return mongo.removeDocument(SESSIONS, new JsonObject().put("_id", digest(token))).mapEmpty();
  }

  /** Ends every session of a person but the one given (null: all of them). */
  Future<Void> deleteAllOf(String userId, String keptToken) {
    JsonObject query = new JsonObject().put("userId", userId);
    if (keptToken != null) {
      query.put("_id", new JsonObject().put("$ne", digest(keptToken)));
    }
    return mongo.removeDocuments(SESSIONS, query).mapEmpty();
  }

  Future<Void> deleteExpired(Instant now) {
    return mongo.removeDocuments(SESSIONS,
        new JsonObject().put("expiresAt", new JsonObject().put("$lt", MongoTime.of(now)))).mapEmpty();
  }

  static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
