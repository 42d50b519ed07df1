package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.MongoErrors;

/** Regional initiatives; a code is unique within its cycle. */
final class InitiativeStore {
  static final String INITIATIVES = "initiatives";

  private final MongoClient mongo;

  InitiativeStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(INITIATIVES, new JsonObject().put("cycle", 1).put("code", 1),
            new IndexOptions().unique(true))
        .compose(v -> mongo.createIndexWithOptions(INITIATIVES, new JsonObject().put("region", 1), new IndexOptions()))
        .compose(v -> mongo.createIndexWithOptions(INITIATIVES, new JsonObject().put("groupIds", 1), new IndexOptions()));
  }

  Future<RegionalInitiative> insert(RegionalInitiative initiative) {
    return mongo.insert(INITIATIVES, initiative.toDocument()).map(id -> initiative)
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? ConflictException.duplicate("code", "The cycle already has an initiative " + initiative.code()) : e));
  }

  Future<Optional<RegionalInitiative>> find(String id) {
    return mongo.findOne(INITIATIVES, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(RegionalInitiative::fromDocument));
  }

  Future<Optional<RegionalInitiative>> findByCode(String cycle, String code) {
    return mongo.findOne(INITIATIVES, new JsonObject().put("cycle", cycle).put("code", code), null)
        .map(doc -> Optional.ofNullable(doc).map(RegionalInitiative::fromDocument));
  }

  Future<List<RegionalInitiative>> findAll(List<String> ids) {
    return mongo.find(INITIATIVES, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))))
        .map(docs -> docs.stream().map(RegionalInitiative::fromDocument).toList());
  }

  Future<List<RegionalInitiative>> ofRegion(String region, String cycle) {
    JsonObject query = new JsonObject().put("region", region);
    if (cycle != null) {
      query.put("cycle", cycle);
    }
    return mongo.findWithOptions(INITIATIVES, query, new FindOptions().setSort(new JsonObject().put("code", 1)))
        .map(docs -> docs.stream().map(RegionalInitiative::fromDocument).toList());
  }

  Future<Page<RegionalInitiative>> list(JsonObject query, int offset, int limit) {
    return PageStore.find(mongo, INITIATIVES, query, new JsonObject().put("cycle", -1).put("region", 1).put("code", 1),
        offset, limit, RegionalInitiative::fromDocument);
  }

  /** Stores {@code changed} if nobody changed it since it was read; 409 otherwise. */
  Future<RegionalInitiative> replace(RegionalInitiative changed) {
    JsonObject set = changed.toDocument();
    set.remove("_id");
    set.put("version", changed.version() + 1);
    return mongo.updateCollection(INITIATIVES, new JsonObject().put("_id", changed.id()).put("version", changed.version()),
            new JsonObject().put("$set", set))
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? ConflictException.duplicate("code", "The cycle already has an initiative " + changed.code()) : e))
        .map(result -> {
          if (result == null || result.getDocMatched() == 0) {
            throw new ConflictException("The initiative was changed meanwhile; reload it and try again");
          }
          return RegionalInitiative.fromDocument(set.put("_id", changed.id()));
        });
  }
}
