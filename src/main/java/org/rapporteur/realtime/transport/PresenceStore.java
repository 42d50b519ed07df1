package org.rapporteur.realtime.transport;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapporteur.platform.json.MongoTime;

/**
 * Who has a room open, across server processes: each process writes, per room, the people connected
 * to it there, and rewrites the list every {@link #REWRITE} so that the list of a process that died
 * goes stale and is left out after {@link #FRESH}.
 */
public final class PresenceStore {
  static final String PRESENCE = "chat_presence";
  static final Duration REWRITE = Duration.ofSeconds(15);
  static final Duration FRESH = Duration.ofSeconds(45);
  /** Lists this old are removed by whichever process rewrites next. */
  private static final Duration FORGOTTEN = Duration.ofMinutes(10);

  /** A person with the room open. */
  record Member(String id, String name) {
    JsonObject toJson() {
      return new JsonObject().put("id", id).put("name", name);
    }
  }

  private final MongoClient mongo;

  public PresenceStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(PRESENCE, new JsonObject().put("room", 1), new IndexOptions().name("room"));
  }

  /** This process's people in the room, now; an empty list removes the process's entry. */
  Future<Void> write(String process, String room, List<Member> members) {
    JsonObject id = new JsonObject().put("_id", process + "|" + room);
    if (members.isEmpty()) {
      return mongo.removeDocument(PRESENCE, id).mapEmpty();
    }
    JsonObject set = new JsonObject().put("room", room).put("process", process).put("at", MongoTime.of(Instant.now()))
        .put("members", new JsonArray(members.stream().map(Member::toJson).toList()));
    return mongo.updateCollectionWithOptions(PRESENCE, id, new JsonObject().put("$set", set),
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  Future<Void> removeProcess(String process) {
    return mongo.removeDocuments(PRESENCE, new JsonObject().put("process", process)).mapEmpty();
  }

  Future<Void> forgetStale() {
    return mongo.removeDocuments(PRESENCE, new JsonObject().put("at",
        new JsonObject().put("$lt", MongoTime.of(Instant.now().minus(FORGOTTEN))))).mapEmpty();
  }

  /** Everyone with the room open on any live process, each once, by name. */
  Future<List<Member>> list(String room) {
    JsonObject query = new JsonObject().put("room", room)
        .put("at", new JsonObject().put("$gt", MongoTime.of(Instant.now().minus(FRESH))));
    return mongo.findWithOptions(PRESENCE, query, new FindOptions()).map(docs -> {
      Map<String, Member> people = new LinkedHashMap<>();
      for (JsonObject doc : docs) {
        for (Object o : doc.getJsonArray("members", new JsonArray())) {
          JsonObject m = (JsonObject) o;
          people.putIfAbsent(m.getString("id"), new Member(m.getString("id"), m.getString("name")));
        }
      }
      Collator byName = Collator.getInstance(Locale.ROOT);
      return people.values().stream().sorted(Comparator.comparing(Member::name, byName)).toList();
    });
  }
}
