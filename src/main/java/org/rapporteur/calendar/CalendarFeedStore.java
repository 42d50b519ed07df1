package org.rapporteur.calendar;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;

/**
 * One secret feed address per person at most. Only a SHA-256 of its token is stored, and making a
 * new one replaces the old, so a leaked address is ended by making another or by revoking it.
 */
final class CalendarFeedStore {
  static final String FEEDS = "calendar_feeds";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoClient mongo;

  CalendarFeedStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(FEEDS, new JsonObject().put("tokenHash", 1), new IndexOptions().unique(true));
  }

  /** Returns the new token, the only time it exists in clear. */
  Future<String> replace(String userId, Instant now) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return mongo.replaceDocumentsWithOptions(FEEDS, new JsonObject().put("_id", userId),
            new JsonObject().put("_id", userId).put("tokenHash", digest(token)).put("createdAt", MongoTime.of(now)),
            new UpdateOptions().setUpsert(true))
        .map(result -> token);
  }

  /** When the person's feed was made, if they have one. */
  Future<Optional<Instant>> createdAt(String userId) {
    return mongo.findOne(FEEDS, new JsonObject().put("_id", userId), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> MongoTime.read(d, "createdAt")));
  }

  /** The owner of a live feed token, or null. */
  Future<String> owner(String token) {
    return mongo.findOne(FEEDS, new JsonObject().put("tokenHash", digest(token)), null)
        .map(doc -> doc == null ? null : doc.getString("_id"));
  }

  Future<Boolean> delete(String userId) {
    return mongo.removeDocument(FEEDS, new JsonObject().put("_id", userId))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
