package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * The extraction queue in MongoDB, shared by every node: a job is claimed by one conditional update,
 * held while its holder renews the lease, and removed by its holder when the result is stored.
 */
final class ExtractionJobStore {
  static final String JOBS = "extraction_jobs";

  private final MongoClient mongo;

  ExtractionJobStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndex(JOBS, new JsonObject().put("state", 1).put("queuedAt", 1));
  }

  /** Queues the job unless the same revision is queued or running already. */
  Future<Void> enqueue(ExtractionJob job) {
    return mongo.insert(JOBS, job.toDocument()).<Void>mapEmpty()
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /**
   * Claims the oldest job that is queued, or running under a lease that ended (its node died), for
   * {@code holder} until {@code until}, counting the attempt. Empty when there is none.
   */
  Future<Optional<ExtractionJob>> claim(String holder, Instant until) {
    JsonObject claimable = new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("state", ExtractionJob.QUEUED))
        .add(new JsonObject().put("state", ExtractionJob.RUNNING)
            .put("leaseUntil", new JsonObject().put("$lt", MongoTime.of(Instant.now())))));
    JsonObject update = new JsonObject()
        .put("$set", new JsonObject().put("state", ExtractionJob.RUNNING).put("holder", holder)
            .put("leaseUntil", MongoTime.of(until)))
        .put("$inc", new JsonObject().put("attempts", 1));
    return mongo.findOneAndUpdateWithOptions(JOBS, claimable, update,
            new FindOptions().setSort(new JsonObject().put("queuedAt", 1)),
            new UpdateOptions().setReturningNewDocument(true))
        .map(doc -> Optional.ofNullable(doc).map(ExtractionJob::fromDocument));
  }

  /** Extends the holder's lease; false when the job is no longer the holder's. */
  Future<Boolean> renew(String id, String holder, Instant until) {
    return mongo.updateCollection(JOBS, held(id, holder),
            new JsonObject().put("$set", new JsonObject().put("leaseUntil", MongoTime.of(until))))
        .map(result -> result.getDocMatched() == 1);
  }

  /** Puts the job back in the queue at once, for any node to claim. */
  Future<Void> release(String id, String holder) {
    return mongo.updateCollection(JOBS, held(id, holder), new JsonObject()
            .put("$set", new JsonObject().put("state", ExtractionJob.QUEUED).put("holder", null).put("leaseUntil", null)))
        .mapEmpty();
  }

  /** Removes the job once its result is stored; false when it was no longer the holder's. */
  Future<Boolean> remove(String id, String holder) {
    return mongo.removeDocuments(JOBS, held(id, holder)).map(result -> result.getRemovedCount() == 1);
  }

  Future<Optional<ExtractionJob>> find(String id) {
    return mongo.findOne(JOBS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(ExtractionJob::fromDocument));
  }

  private static JsonObject held(String id, String holder) {
    return new JsonObject().put("_id", id).put("holder", holder).put("state", ExtractionJob.RUNNING);
  }
}
