package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;

/** Resumable (tus) uploads in progress: where each stands, which PATCH writes to it, and what it became. */
final class UploadStore {
  static final String UPLOADS = "resumable_uploads";

  private final MongoClient mongo;

  UploadStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> insert(Upload upload) {
    return mongo.insert(UPLOADS, upload.toDocument()).mapEmpty();
  }

  Future<Optional<Upload>> find(String id) {
    return mongo.findOne(UPLOADS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Upload::fromDocument));
  }

  /**
   * Takes the upload's PATCH lease for {@code token} if the upload stands at {@code offset}, has become
   * nothing yet, and no other PATCH holds a lease that is still running: one conditional update, so two
   * nodes never both get it. Empty when it was not taken.
   */
  Future<Optional<Upload>> claim(String id, long offset, String token, Instant until) {
    JsonObject free = new JsonObject().put("_id", id).put("offset", offset).put("contributionId", null)
        .put("$or", new JsonArray().add(new JsonObject().put("patch", null))
            .add(new JsonObject().put("patch.until", new JsonObject().put("$lt", MongoTime.of(Instant.now())))));
    return mongo.findOneAndUpdateWithOptions(UPLOADS, free, lease(token, until), new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true))
        .map(doc -> Optional.ofNullable(doc).map(Upload::fromDocument));
  }

  /** Moves the offset from {@code from} to {@code to} while {@code token} holds the lease; false when it does not. */
  Future<Boolean> moveOffset(String id, String token, long from, long to, Instant until) {
    JsonObject mine = new JsonObject().put("_id", id).put("offset", from).put("patch.token", token);
    JsonObject update = lease(token, until);
    update.getJsonObject("$set").put("offset", to);
    return mongo.updateCollection(UPLOADS, mine, update).map(result -> result.getDocMatched() == 1);
  }

  Future<Boolean> renew(String id, String token, Instant until) {
    return mongo.updateCollection(UPLOADS, new JsonObject().put("_id", id).put("patch.token", token),
        lease(token, until)).map(result -> result.getDocMatched() == 1);
  }

  Future<Void> release(String id, String token) {
    return mongo.updateCollection(UPLOADS, new JsonObject().put("_id", id).put("patch.token", token),
        new JsonObject().put("$unset", new JsonObject().put("patch", ""))).mapEmpty();
  }

  private static JsonObject lease(String token, Instant until) {
    return new JsonObject().put("$set", new JsonObject()
        .put("patch", new JsonObject().put("token", token).put("until", MongoTime.of(until))));
  }

  Future<Void> setContribution(String id, String contributionId, String number) {
    return mongo.updateCollection(UPLOADS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("contributionId", contributionId).put("number", number)))
        .mapEmpty();
  }

  Future<Void> delete(String id) {
    return mongo.removeDocument(UPLOADS, new JsonObject().put("_id", id)).mapEmpty();
  }

  /** Removes the uploads that expired before {@code now}, and returns their ids. */
  Future<List<String>> deleteExpired(Instant now) {
    JsonObject query = new JsonObject().put("expiresAt", new JsonObject().put("$lt", MongoTime.of(now)));
    return mongo.find(UPLOADS, query).compose(docs -> mongo.removeDocuments(UPLOADS, query)
        .map(v -> docs.stream().map(doc -> doc.getString("_id")).toList()));
  }
}
