package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.platform.mongo.MongoErrors;
import org.rapporteur.platform.security.GlobalRole;

final class AccountStore {
  static final String USERS = "users";
  private static final JsonObject NO_HASH = new JsonObject().put("password", 0);

  private final MongoClient mongo;

  AccountStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(USERS, new JsonObject().put("email", 1), new IndexOptions().unique(true));
  }

  Future<User> insert(Registration registration, JsonObject passwordHash, Set<GlobalRole> roles) {
    Instant now = Instant.now();
    JsonObject doc = new JsonObject()
        .put("_id", Ids.newId())
        .put("email", registration.email())
        .put("name", registration.name())
        .put("country", registration.country())
        .put("affiliation", registration.affiliation())
        .put("roles", new JsonArray(roles.stream().map(GlobalRole::wire).toList()))
        .put("password", passwordHash)
        .put("createdAt", MongoTime.of(now));
    return mongo.insert(USERS, doc)
        .recover(failure -> Future.failedFuture(MongoErrors.isDuplicateKey(failure)
            ? ConflictException.duplicate("email", "An account with this e-mail address exists")
            : failure))
        .map(id -> User.fromDocument(doc));
  }

  Future<Optional<User>> findById(String id) {
    return mongo.findOne(USERS, new JsonObject().put("_id", id), NO_HASH)
        .map(doc -> Optional.ofNullable(doc).map(User::fromDocument));
  }

  Future<Optional<User>> findByEmail(String email) {
    return mongo.findOne(USERS, new JsonObject().put("email", email), NO_HASH)
        .map(doc -> Optional.ofNullable(doc).map(User::fromDocument));
  }

  /** The stored password hash of an e-mail address, or null when there is no such account. */
  Future<StoredLogin> findLogin(String email) {
    return mongo.findOne(USERS, new JsonObject().put("email", email), null)
        .map(doc -> doc == null ? null : new StoredLogin(User.fromDocument(doc), doc.getJsonObject("password")));
  }

  Future<Void> setRoles(String userId, Set<GlobalRole> roles) {
    return mongo.updateCollection(USERS, new JsonObject().put("_id", userId), new JsonObject()
            .put("$set", new JsonObject().put("roles", new JsonArray(roles.stream().map(GlobalRole::wire).toList()))))
        .mapEmpty();
  }

  record StoredLogin(User user, JsonObject passwordHash) {}

  Future<Void> updateProfile(String userId, JsonObject set, List<String> unset) {
    JsonObject update = new JsonObject();
    if (!set.isEmpty()) {
      update.put("$set", set);
    }
    if (!unset.isEmpty()) {
      JsonObject fields = new JsonObject();
      unset.forEach(field -> fields.put(field, ""));
      update.put("$unset", fields);
    }
    return update.isEmpty() ? Future.succeededFuture()
        : mongo.updateCollection(USERS, new JsonObject().put("_id", userId), update).mapEmpty();
  }

  Future<Void> setPassword(String userId, JsonObject passwordHash) {
    return mongo.updateCollection(USERS, new JsonObject().put("_id", userId),
        new JsonObject().put("$set", new JsonObject().put("password", passwordHash))).mapEmpty();
  }

  /** The stored password hash of an account, or null when there is none. */
  Future<JsonObject> findPasswordHash(String userId) {
    return mongo.findOne(USERS, new JsonObject().put("_id", userId), new JsonObject().put("password", 1))
        .map(doc -> doc == null ? null : doc.getJsonObject("password"));
  }

  /** A page of accounts by e-mail address, those whose name or address contains {@code q} (any case). */
  Future<List<User>> findPage(String q, int offset, int limit) {
    FindOptions options = new FindOptions().setFields(NO_HASH).setSort(new JsonObject().put("email", 1))
        .setSkip(offset).setLimit(limit);
    return mongo.findWithOptions(USERS, matching(q), options)
        .map(docs -> docs.stream().map(User::fromDocument).toList());
  }

  Future<Long> count(String q) {
    return mongo.count(USERS, matching(q));
  }

  private static JsonObject matching(String q) {
    if (q == null || q.isBlank()) {
      return new JsonObject();
    }
    JsonObject contains = new JsonObject().put("$regex", java.util.regex.Pattern.quote(q.strip())).put("$options", "i");
    return new JsonObject().put("$or", new JsonArray().add(new JsonObject().put("name", contains))
        .add(new JsonObject().put("email", contains.copy())));
  }
}
