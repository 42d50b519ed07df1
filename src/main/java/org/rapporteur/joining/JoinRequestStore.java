package org.rapporteur.joining;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.MongoErrors;

final class JoinRequestStore {
  static final String JOIN_REQUESTS = "join_requests";

  private final MongoClient mongo;

  JoinRequestStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(JOIN_REQUESTS, new JsonObject().put("pending", 1),
            new IndexOptions().unique(true).sparse(true))
        .compose(v -> mongo.createIndexWithOptions(JOIN_REQUESTS, new JsonObject().put("groupId", 1).put("state", 1),
            new IndexOptions()));
  }

  Future<JoinRequest> insert(JoinRequest request) {
    return mongo.insert(JOIN_REQUESTS, request.toDocument())
        .recover(failure -> Future.failedFuture(MongoErrors.isDuplicateKey(failure)
            ? new ConflictException("Your request to join this group is already waiting for an answer")
            : failure))
        .map(id -> request);
  }

  Future<List<JoinRequest>> findByGroup(String groupId, JoinRequest.State state) {
    return mongo.findWithOptions(JOIN_REQUESTS, new JsonObject().put("groupId", groupId).put("state", state.wire()),
            new FindOptions().setSort(new JsonObject().put("createdAt", 1)).setLimit(500))
        .map(docs -> docs.stream().map(JoinRequest::fromDocument).toList());
  }

  Future<Optional<JoinRequest>> findPending(String groupId, String userId) {
    return mongo.findOne(JOIN_REQUESTS, new JsonObject().put("pending", JoinRequest.pendingKey(groupId, userId)), null)
        .map(doc -> Optional.ofNullable(doc).map(JoinRequest::fromDocument));
  }

  Future<Optional<JoinRequest>> find(String groupId, String id) {
    return mongo.findOne(JOIN_REQUESTS, new JsonObject().put("_id", id).put("groupId", groupId), null)
        .map(doc -> Optional.ofNullable(doc).map(JoinRequest::fromDocument));
  }

  /** Decides a pending request; answers it decided, or empty when it was no longer pending. */
  Future<Optional<JoinRequest>> decide(String groupId, String id, JoinRequest.State state, String by, Instant at) {
    return mongo.findOneAndUpdateWithOptions(JOIN_REQUESTS,
            new JsonObject().put("_id", id).put("groupId", groupId).put("state", JoinRequest.State.PENDING.wire()),
            new JsonObject()
                .put("$set", new JsonObject().put("state", state.wire()).put("decidedBy", by)
                    .put("decidedAt", MongoTime.of(at)))
                .put("$unset", new JsonObject().put("pending", "")),
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .map(doc -> Optional.ofNullable(doc).map(JoinRequest::fromDocument));
  }

  /** Puts a request back to pending when accepting it could not add the member. */
  Future<Void> reopen(JoinRequest request) {
    return mongo.updateCollection(JOIN_REQUESTS, new JsonObject().put("_id", request.id()), new JsonObject()
        .put("$set", new JsonObject().put("state", JoinRequest.State.PENDING.wire())
            .put("pending", JoinRequest.pendingKey(request.groupId(), request.userId())))
        .put("$unset", new JsonObject().put("decidedBy", "").put("decidedAt", ""))).mapEmpty();
  }
}
