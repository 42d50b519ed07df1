package org.rapporteur.workspace;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.MongoErrors;

final class GroupStore {
  static final String GROUPS = "groups";
  private static final int MAX_LIST = 1000;

  private final MongoClient mongo;

  GroupStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(GROUPS, new JsonObject().put("codeKey", 1), new IndexOptions().unique(true))
        .compose(v -> mongo.createIndexWithOptions(GROUPS, new JsonObject().put("sector", 1).put("region", 1),
            new IndexOptions()));
  }

  Future<Group> insert(Group group) {
    return mongo.insert(GROUPS, group.toDocument())
        .recover(failure -> Future.failedFuture(MongoErrors.isDuplicateKey(failure)
            ? ConflictException.duplicate("code", "A group with code '" + group.code() + "' exists")
            : failure))
        .map(id -> group);
  }

  Future<Optional<Group>> findById(String id) {
    return mongo.findOne(GROUPS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Group::fromDocument));
  }

  Future<Optional<Group>> findByCode(String code) {
    return mongo.findOne(GROUPS, new JsonObject().put("codeKey", code.toUpperCase(java.util.Locale.ROOT)), null)
        .map(doc -> Optional.ofNullable(doc).map(Group::fromDocument));
  }

  /** Groups matching the filter that are public or among {@code memberOf}; all of them when {@code everything}. */
  Future<List<Group>> find(GroupFilter filter, Collection<String> memberOf, boolean everything) {
    JsonObject query = new JsonObject();
    if (filter.sector() != null) {
      query.put("sector", filter.sector().wire());
    }
    if (filter.region() != null) {
      query.put("region", filter.region().wire());
    }
    if (filter.kind() != null) {
      query.put("kind", filter.kind().wire());
    }
    if (!everything) {
      query.put("$or", new JsonArray()
          .add(new JsonObject().put("visibility", Visibility.PUBLIC.wire()))
          .add(new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(memberOf))))));
    }
    FindOptions options = new FindOptions().setSort(new JsonObject().put("sector", 1).put("codeKey", 1)).setLimit(MAX_LIST);
    return mongo.findWithOptions(GROUPS, query, options)
        .map(docs -> docs.stream().map(Group::fromDocument).toList());
  }

  Future<Void> update(String id, JsonObject set, Instant now) {
    return mongo.updateCollection(GROUPS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", set.copy().put("updatedAt", MongoTime.of(now)))).mapEmpty();
  }
}
