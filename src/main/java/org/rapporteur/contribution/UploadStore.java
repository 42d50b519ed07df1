package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;

/** Resumable (tus) uploads in progress: where each stands, and what it became. */
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

  Future<Void> setOffset(String id, long offset) {
    return mongo.updateCollection(UPLOADS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("offset", offset))).mapEmpty();
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
