package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.Counters;

/** Contributions, their per-group counters, extracted texts and the upload log. */
final class ContributionStore {
  static final String CONTRIBUTIONS = "contributions";
  static final String COUNTERS = "contribution_counters";
  static final String TEXTS = "contribution_texts";
  static final String UPLOAD_LOG = "contribution_upload_log";

  private final MongoClient mongo;

  ContributionStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(CONTRIBUTIONS, new JsonObject().put("groupId", 1).put("seq", 1),
            new IndexOptions().unique(true))
        .compose(v -> mongo.createIndexWithOptions(CONTRIBUTIONS, new JsonObject().put("meetingId", 1),
            new IndexOptions()))
        .compose(v -> mongo.createIndexWithOptions(UPLOAD_LOG, new JsonObject().put("userId", 1).put("at", 1),
            new IndexOptions()));
  }

  /** The next number of a group's series: one atomic {@code $inc}, so numbers are never repeated. */
  Future<Long> nextSeq(String groupId) {
    return Counters.next(mongo, COUNTERS, groupId);
  }

  Future<Contribution> insert(Contribution contribution) {
    return mongo.insert(CONTRIBUTIONS, contribution.toDocument()).map(id -> contribution);
  }

  Future<Optional<Contribution>> findById(String id) {
    return mongo.findOne(CONTRIBUTIONS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Contribution::fromDocument));
  }

  Future<List<Contribution>> findByGroup(String groupId, String status, String question, int skip, int limit) {
    JsonObject query = new JsonObject().put("groupId", groupId);
    if (status != null) {
      query.put("status", status);
    }
    if (question != null) {
      query.put("questions", question);
    }
    FindOptions options = new FindOptions().setSort(new JsonObject().put("seq", -1)).setSkip(skip).setLimit(limit);
    return mongo.findWithOptions(CONTRIBUTIONS, query, options)
        .map(docs -> docs.stream().map(Contribution::fromDocument).toList());
  }

  /** Contributions sent for a meeting, or named by id (allocated on its agenda), in number order. */
  Future<List<Contribution>> findForMeeting(String meetingId, List<String> ids, int limit) {
    JsonObject query = new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("meetingId", meetingId))
        .add(new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)))));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("groupId", 1).put("seq", 1)).setLimit(limit);
    return mongo.findWithOptions(CONTRIBUTIONS, query, options)
        .map(docs -> docs.stream().map(Contribution::fromDocument).toList());
  }

  /** Keyset paging in id order, for rebuilding the indexes without reading everything at once. */
  Future<List<Contribution>> pageAfter(String afterId, int limit) {
    JsonObject query = afterId == null ? new JsonObject()
        : new JsonObject().put("_id", new JsonObject().put("$gt", afterId));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(limit);
    return mongo.findWithOptions(CONTRIBUTIONS, query, options)
        .map(docs -> docs.stream().map(Contribution::fromDocument).toList());
  }

  Future<List<Contribution>> findWithPendingExtraction() {
    return mongo.find(CONTRIBUTIONS, new JsonObject().put("revisions.extraction.state", Extraction.PENDING))
        .map(docs -> docs.stream().map(Contribution::fromDocument).toList());
  }

  /** Claims the next revision number of a contribution atomically. */
  Future<Integer> nextRevision(String id) {
    return mongo.findOneAndUpdateWithOptions(CONTRIBUTIONS, new JsonObject().put("_id", id),
            new JsonObject().put("$inc", new JsonObject().put("revisionCount", 1)), new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true))
        .map(doc -> doc.getInteger("revisionCount") - 1);
  }

  Future<Void> pushRevision(String id, Revision revision, ContributionStatus status, Instant now) {
    return mongo.updateCollection(CONTRIBUTIONS, new JsonObject().put("_id", id), new JsonObject()
        .put("$push", new JsonObject().put("revisions", revision.toDocument()))
        .put("$set", new JsonObject().put("status", status.wire()).put("updatedAt", MongoTime.of(now)))).mapEmpty();
  }

  Future<Void> setStatus(String id, ContributionStatus status, Instant now) {
    return mongo.updateCollection(CONTRIBUTIONS, new JsonObject().put("_id", id), new JsonObject()
        .put("$set", new JsonObject().put("status", status.wire()).put("updatedAt", MongoTime.of(now)))).mapEmpty();
  }

  /** Records the extraction of one revision through the positional operator, touching no other revision. */
  Future<Void> setExtraction(String id, int rev, Extraction extraction) {
    return mongo.updateCollection(CONTRIBUTIONS, new JsonObject().put("_id", id).put("revisions.rev", rev),
        new JsonObject().put("$set", new JsonObject().put("revisions.$.extraction", extraction.toDocument())))
        .mapEmpty();
  }

  Future<Void> saveText(String id, int rev, String text, String html) {
    JsonObject doc = new JsonObject().put("_id", textId(id, rev)).put("contributionId", id).put("rev", rev)
        .put("text", text).put("html", html);
    return mongo.save(TEXTS, doc).mapEmpty();
  }

  Future<Optional<JsonObject>> findText(String id, int rev) {
    return mongo.findOne(TEXTS, new JsonObject().put("_id", textId(id, rev)), null).map(Optional::ofNullable);
  }

  /** The plain texts with these ids, by id; the HTML of the light view is not read. */
  Future<Map<String, String>> findTexts(List<String> textIds) {
    if (textIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    FindOptions options = new FindOptions().setFields(new JsonObject().put("text", 1));
    return mongo.findWithOptions(TEXTS, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(textIds))),
        options).map(docs -> {
          Map<String, String> texts = new HashMap<>();
          docs.forEach(d -> texts.put(d.getString("_id"), d.getString("text", "")));
          return texts;
        });
  }

  Future<Long> countUploadsSince(String userId, Instant since) {
    return mongo.count(UPLOAD_LOG, new JsonObject().put("userId", userId)
        .put("at", new JsonObject().put("$gte", MongoTime.of(since))));
  }

  Future<Void> logUpload(String userId, Instant at) {
    return mongo.insert(UPLOAD_LOG, new JsonObject().put("userId", userId).put("at", MongoTime.of(at))).mapEmpty();
  }

  static String textId(String id, int rev) {
    return id + "-" + rev;
  }
}
