package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * Agendas with optimistic concurrency: a save names the version it was made on and only succeeds
 * while that version is current, so two chairs never overwrite each other silently.
 */
final class AgendaStore {
  static final String AGENDAS = "agendas";
  static final String HISTORY = "agenda_history";

  private final MongoClient mongo;

  AgendaStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(HISTORY, new JsonObject().put("meetingId", 1).put("version", 1),
        new IndexOptions().unique(true));
  }

  Future<Agenda> find(String meetingId) {
    return mongo.findOne(AGENDAS, new JsonObject().put("_id", meetingId), null)
        .map(doc -> doc == null ? Agenda.empty(meetingId) : Agenda.fromDocument(doc));
  }

  /** The agenda and the item under discussion, read together so that neither is older than the other. */
  Future<LiveAgenda> findLive(String meetingId) {
    return mongo.findOne(AGENDAS, new JsonObject().put("_id", meetingId), null)
        .map(doc -> doc == null ? new LiveAgenda(Agenda.empty(meetingId), null)
            : new LiveAgenda(Agenda.fromDocument(doc), CurrentItem.fromDocument(doc.getJsonObject("current"))));
  }

  /**
   * Marks the item under discussion (null: none) without touching the agenda's version, so a chair
   * marking an item never makes another chair's edit stale. Answers false when no agenda is stored.
   */
  Future<Boolean> saveCurrent(String meetingId, CurrentItem current) {
    return mongo.updateCollection(AGENDAS, new JsonObject().put("_id", meetingId),
            new JsonObject().put("$set", new JsonObject().put("current", current == null ? null : current.toDocument())))
        .map(result -> result != null && result.getDocMatched() > 0);
  }

  record LiveAgenda(Agenda agenda, CurrentItem current) {}

  /** Stores {@code next} if the stored version is still {@code next.version() - 1}; else 409 with the current one. */
  Future<Agenda> save(Agenda next) {
    long expected = next.version() - 1;
    Future<?> written = expected == 0
        ? mongo.insert(AGENDAS, next.toDocument())
        : mongo.updateCollection(AGENDAS, new JsonObject().put("_id", next.meetingId()).put("version", expected),
            new JsonObject().put("$set", withoutId(next.toDocument())))
            .map(result -> {
              if (result == null || result.getDocMatched() == 0) {
                throw new StaleWrite();
              }
              return result;
            });
    return written
        .recover(failure -> failure instanceof StaleWrite || MongoErrors.isDuplicateKey(failure)
            ? find(next.meetingId()).compose(current ->
                Future.failedFuture(ConflictException.staleVersion(expected, current.version())))
            : Future.failedFuture(failure))
        .map(ignored -> next);
  }

  private static JsonObject withoutId(JsonObject doc) {
    doc.remove("_id");
    return doc;
  }

  Future<Void> recordHistory(Agenda agenda, String action, List<JsonObject> changes, boolean afterApproval,
      String actorId, String actorName) {
    JsonObject entry = new JsonObject()
        .put("_id", Ids.newId())
        .put("meetingId", agenda.meetingId())
        .put("version", agenda.version())
        .put("action", action)
        .put("afterApproval", afterApproval)
        .put("changes", new JsonArray(changes))
        .put("at", MongoTime.of(Instant.now()))
        .put("actorId", actorId)
        .put("actorName", actorName)
        .put("items", agenda.itemsDocument());
    return mongo.insert(HISTORY, entry).mapEmpty();
  }

  Future<List<JsonObject>> history(String meetingId) {
    return mongo.findWithOptions(HISTORY, new JsonObject().put("meetingId", meetingId),
            new FindOptions().setSort(new JsonObject().put("version", -1))
                .setFields(new JsonObject().put("items", 0)))
        .map(docs -> docs.stream().map(doc -> new JsonObject()
            .put("version", doc.getLong("version"))
            .put("action", doc.getString("action"))
            .put("afterApproval", doc.getBoolean("afterApproval"))
            .put("changes", doc.getJsonArray("changes"))
            .put("at", MongoTime.read(doc, "at").toString())
            .put("by", doc.getString("actorName"))).toList());
  }

  private static final class StaleWrite extends RuntimeException {
    StaleWrite() {
      super(null, null, false, false);
    }
  }
}
