package org.rapporteur.workspace;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.MongoErrors;

final class QuestionStore {
  static final String QUESTIONS = "questions";

  private final MongoClient mongo;

  QuestionStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(QUESTIONS, new JsonObject().put("groupId", 1).put("number", 1),
        new IndexOptions().unique(true));
  }

  Future<Question> insert(Question question) {
    return mongo.insert(QUESTIONS, question.toDocument())
        .recover(failure -> Future.failedFuture(MongoErrors.isDuplicateKey(failure)
            ? ConflictException.duplicate("number", "This group already has Question " + question.number())
            : failure))
        .map(id -> question);
  }

  Future<List<Question>> findByGroup(String groupId) {
    return mongo.findWithOptions(QUESTIONS, new JsonObject().put("groupId", groupId),
            new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(Question::fromDocument).toList());
  }

  Future<List<Question>> findAll() {
    return mongo.findWithOptions(QUESTIONS, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(Question::fromDocument).toList());
  }

  Future<Boolean> delete(String groupId, String questionId) {
    return mongo.removeDocument(QUESTIONS, new JsonObject().put("_id", questionId).put("groupId", groupId))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }
}
