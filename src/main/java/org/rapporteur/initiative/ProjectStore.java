package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.MongoErrors;

/** Projects; a project code is unique. */
final class ProjectStore {
  static final String PROJECTS = "projects";

  private final MongoClient mongo;

  ProjectStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    IndexOptions plain = new IndexOptions();
    return mongo.createIndexWithOptions(PROJECTS, new JsonObject().put("code", 1), new IndexOptions().unique(true))
        .compose(v -> mongo.createIndexWithOptions(PROJECTS, new JsonObject().put("initiativeIds", 1), plain))
        .compose(v -> mongo.createIndexWithOptions(PROJECTS, new JsonObject().put("region", 1).put("status", 1), plain))
        .compose(v -> mongo.createIndexWithOptions(PROJECTS, new JsonObject().put("replicatedFrom", 1), plain))
        .compose(v -> mongo.createIndexWithOptions(PROJECTS, new JsonObject().put("published", 1).put("code", 1), plain));
  }

  Future<Project> insert(Project project) {
    return mongo.insert(PROJECTS, project.toDocument()).map(id -> project)
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? ConflictException.duplicate("code", "A project " + project.code() + " exists already") : e));
  }

  Future<Optional<Project>> find(String id) {
    return mongo.findOne(PROJECTS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Project::fromDocument));
  }

  Future<Optional<Project>> findByCode(String code) {
    return mongo.findOne(PROJECTS, new JsonObject().put("code", code), null)
        .map(doc -> Optional.ofNullable(doc).map(Project::fromDocument));
  }

  Future<Page<Project>> list(JsonObject query, int offset, int limit) {
    return PageStore.find(mongo, PROJECTS, query, new JsonObject().put("code", 1), offset, limit, Project::fromDocument);
  }

  Future<List<Project>> all(JsonObject query) {
    return mongo.findWithOptions(PROJECTS, query, new FindOptions().setSort(new JsonObject().put("code", 1)))
        .map(docs -> docs.stream().map(Project::fromDocument).toList());
  }

  /** Ids of the projects that say they replicate {@code id}. */
  Future<List<String>> replicationsOf(String id) {
    return mongo.findWithOptions(PROJECTS, new JsonObject().put("replicatedFrom", id),
            new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }

  /** Projects in id order after {@code afterId}, for rebuilding an index page by page. */
  Future<List<Project>> after(String afterId, int size) {
    JsonObject query = afterId == null ? new JsonObject()
        : new JsonObject().put("_id", new JsonObject().put("$gt", afterId));
    return mongo.findWithOptions(PROJECTS, query, new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(size))
        .map(docs -> docs.stream().map(Project::fromDocument).toList());
  }

  Future<Project> replace(Project changed) {
    JsonObject set = changed.toDocument();
    set.remove("_id");
    set.put("version", changed.version() + 1);
    return mongo.updateCollection(PROJECTS, new JsonObject().put("_id", changed.id()).put("version", changed.version()),
            new JsonObject().put("$set", set))
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? ConflictException.duplicate("code", "A project " + changed.code() + " exists already") : e))
        .map(result -> {
          if (result == null || result.getDocMatched() == 0) {
            throw new ConflictException("The project was changed meanwhile; reload it and try again");
          }
          return Project.fromDocument(set.put("_id", changed.id()));
        });
  }
}
