package org.rapporteur.workspace;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.MongoErrors;

/** Memberships keyed by group and user, so one person holds one role per group. */
final class MembershipStore {
  static final String MEMBERSHIPS = "memberships";

  private final MongoClient mongo;

  MembershipStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(MEMBERSHIPS, new JsonObject().put("userId", 1), new IndexOptions())
        .compose(v -> mongo.createIndexWithOptions(MEMBERSHIPS, new JsonObject().put("groupId", 1), new IndexOptions()));
  }

  Future<Membership> insert(Membership membership) {
    return mongo.insert(MEMBERSHIPS, membership.toDocument())
        .recover(failure -> Future.failedFuture(MongoErrors.isDuplicateKey(failure)
            ? ConflictException.duplicate("userId", membership.name() + " is already a member of this group")
            : failure))
        .map(id -> membership);
  }

  Future<Optional<Membership>> find(String groupId, String userId) {
    return mongo.findOne(MEMBERSHIPS, new JsonObject().put("_id", groupId + ":" + userId), null)
        .map(doc -> Optional.ofNullable(doc).map(Membership::fromDocument));
  }

  Future<List<Membership>> findByGroup(String groupId) {
    return mongo.findWithOptions(MEMBERSHIPS, new JsonObject().put("groupId", groupId),
            new FindOptions().setSort(new JsonObject().put("since", 1)))
        .map(docs -> docs.stream().map(Membership::fromDocument).toList());
  }

  Future<List<Membership>> findByUser(String userId) {
    return mongo.find(MEMBERSHIPS, new JsonObject().put("userId", userId))
        .map(docs -> docs.stream().map(Membership::fromDocument).toList());
  }

  Future<Boolean> updateRole(String groupId, String userId, GroupRole role) {
    return mongo.updateCollection(MEMBERSHIPS, new JsonObject().put("_id", groupId + ":" + userId),
            new JsonObject().put("$set", new JsonObject().put("role", role.wire())))
        .map(result -> result != null && result.getDocMatched() > 0);
  }

  Future<Boolean> delete(String groupId, String userId) {
    return mongo.removeDocument(MEMBERSHIPS, new JsonObject().put("_id", groupId + ":" + userId))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }
}
