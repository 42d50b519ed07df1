package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.MongoErrors;

/** The partner organization registry; names are unique regardless of case. */
final class PartnerStore {
  static final String PARTNERS = "partners";

  private final MongoClient mongo;

  PartnerStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(PARTNERS, new JsonObject().put("nameKey", 1), new IndexOptions().unique(true))
        .compose(v -> mongo.createIndexWithOptions(PARTNERS, new JsonObject().put("regions", 1), new IndexOptions()));
  }

  Future<PartnerOrganization> insert(PartnerOrganization partner) {
    return mongo.insert(PARTNERS, partner.toDocument()).map(id -> partner)
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? ConflictException.duplicate("name", "The registry already holds " + partner.name()) : e));
  }

  Future<Optional<PartnerOrganization>> find(String id) {
    return mongo.findOne(PARTNERS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(PartnerOrganization::fromDocument));
  }

  Future<Optional<PartnerOrganization>> findByName(String name) {
    return mongo.findOne(PARTNERS, new JsonObject().put("nameKey", name.toLowerCase(java.util.Locale.ROOT)), null)
        .map(doc -> Optional.ofNullable(doc).map(PartnerOrganization::fromDocument));
  }

  Future<List<PartnerOrganization>> findAll(List<String> ids) {
    return mongo.find(PARTNERS, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))))
        .map(docs -> docs.stream().map(PartnerOrganization::fromDocument).toList());
  }

  Future<Page<PartnerOrganization>> list(JsonObject query, int offset, int limit) {
    return PageStore.find(mongo, PARTNERS, query, new JsonObject().put("nameKey", 1), offset, limit,
        PartnerOrganization::fromDocument);
  }

  Future<PartnerOrganization> replace(PartnerOrganization changed) {
    return mongo.findOneAndReplace(PARTNERS, new JsonObject().put("_id", changed.id()), changed.toDocument())
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? ConflictException.duplicate("name", "The registry already holds " + changed.name()) : e))
        .map(changed);
  }
}
