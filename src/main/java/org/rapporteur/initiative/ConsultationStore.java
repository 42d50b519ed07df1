package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Optional;

/** Consultations and their answers, one answer document per consultation and person. */
final class ConsultationStore {
  static final String CONSULTATIONS = "consultations";
  static final String ANSWERS = "consultation_answers";

  private final MongoClient mongo;

  ConsultationStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(CONSULTATIONS, new JsonObject().put("initiativeId", 1), new IndexOptions())
        .compose(v -> mongo.createIndexWithOptions(ANSWERS, new JsonObject().put("consultationId", 1), new IndexOptions()));
  }

  Future<Consultation> insert(Consultation consultation) {
    return mongo.insert(CONSULTATIONS, consultation.toDocument()).map(id -> consultation);
  }

  Future<Optional<Consultation>> find(String id) {
    return mongo.findOne(CONSULTATIONS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Consultation::fromDocument));
  }

  Future<List<Consultation>> ofInitiative(String initiativeId) {
    return mongo.find(CONSULTATIONS, new JsonObject().put("initiativeId", initiativeId))
        .map(docs -> docs.stream().map(Consultation::fromDocument).toList());
  }

  /** Stores the person's answer, replacing the one they gave before. */
  Future<ConsultationAnswer> save(ConsultationAnswer answer) {
    JsonObject doc = answer.toDocument();
    return mongo.replaceDocumentsWithOptions(ANSWERS, new JsonObject().put("_id", doc.getString("_id")), doc,
        new UpdateOptions().setUpsert(true)).map(answer);
  }

  Future<List<ConsultationAnswer>> answers(String consultationId) {
    return mongo.find(ANSWERS, new JsonObject().put("consultationId", consultationId))
        .map(docs -> docs.stream().map(ConsultationAnswer::fromDocument).toList());
  }

  Future<Optional<ConsultationAnswer>> answer(String consultationId, String userId) {
    return mongo.findOne(ANSWERS, new JsonObject().put("_id", consultationId + ":" + userId), null)
        .map(doc -> Optional.ofNullable(doc).map(ConsultationAnswer::fromDocument));
  }
}
