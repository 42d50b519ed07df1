package org.rapporteur.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * Named leases in MongoDB: at most one process holds a lease at a time, until it lets go or stops
 * renewing it for the lease's length. In MongoDB rather than in the cluster manager because MongoDB
 * is the one thing every node shares even while the cluster is split: two halves of a split cluster
 * still agree on who holds a lease.
 */
public final class LeaseStore {
  static final String LEASES = "leases";

  private final MongoClient mongo;
  private final String holder;

  /** {@code holder} names this process, uniquely: a restarted process is a new holder. */
  public LeaseStore(MongoClient mongo, String holder) {
    this.mongo = mongo;
    this.holder = holder;
  }

  public String holder() {
    return holder;
  }

  /**
   * Takes or renews the lease for {@code length}: true when this process holds it now. Free, ended
   * and already ours all match the one conditional upsert; a lease another holder keeps makes the
   * upsert collide with its document, which means "not ours".
   */
  public Future<Boolean> take(String name, Duration length) {
    Instant now = Instant.now();
    JsonObject free = new JsonObject().put("_id", name).put("$or", new JsonArray()
        .add(new JsonObject().put("holder", holder))
        .add(new JsonObject().put("until", new JsonObject().put("$lt", MongoTime.of(now)))));
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("holder", holder)
        .put("until", MongoTime.of(now.plus(length))).put("takenAt", MongoTime.of(now)));
    return mongo.findOneAndUpdateWithOptions(LEASES, free, set, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> doc != null && holder.equals(doc.getString("holder")))
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** Lets go of the lease if this process holds it, so another may take it at once. */
  public Future<Void> release(String name) {
    return mongo.removeDocuments(LEASES, new JsonObject().put("_id", name).put("holder", holder)).mapEmpty();
  }

  /** Who holds the lease now, if anyone. */
  public Future<String> holderOf(String name) {
    return mongo.findOne(LEASES, new JsonObject().put("_id", name)
            .put("until", new JsonObject().put("$gte", MongoTime.of(Instant.now()))), null)
        .map(doc -> doc == null ? null : doc.getString("holder"));
  }
}
