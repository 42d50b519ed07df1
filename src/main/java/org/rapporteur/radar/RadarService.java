package org.rapporteur.radar;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.rapporteur.account.Actor;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupAccess;
import org.rapporteur.workspace.Question;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplication radar: which Questions, statements and contributions of the other sector cover
 * the same subject. The index lives in {@code DATA_DIR/radar} and is rebuilt from MongoDB when it is
 * missing. Writes run on one worker thread, searches on two; results are filtered to what the
 * asking person may read.
 */
public final class RadarService {
  private static final Logger log = LoggerFactory.getLogger(RadarService.class);

  private final Path dir;
  private final WorkspaceService workspaces;
  private final WorkerExecutor writes;
  private final WorkerExecutor reads;
  private final Map<String, String> questionPrints = new ConcurrentHashMap<>();
  private RadarIndex index;

  public RadarService(Vertx vertx, Path dir, WorkspaceService workspaces) {
    this.dir = dir;
    this.workspaces = workspaces;
    this.writes = vertx.createSharedWorkerExecutor("rapporteur-radar-write", 1);
    this.reads = vertx.createSharedWorkerExecutor("rapporteur-radar-read", 2);
  }

  /**
   * Opens the index; when it is missing or empty, fills it from {@code sources} (each feature's
   * documents, e.g. sent liaison statements). Questions are always brought up to date.
   */
  public Future<Void> start(List<Supplier<Future<List<RadarDocument>>>> sources) {
    return writes.executeBlocking(() -> {
      boolean missing = !Files.isDirectory(dir);
      index = RadarIndex.open(dir);
      index.all().stream().filter(d -> d.kind().equals(RadarDocument.QUESTION))
          .forEach(d -> questionPrints.put(d.key(), print(d)));
      return missing || index.size() == 0;
    }, false).compose(rebuild -> rebuild ? rebuild(sources) : Future.succeededFuture())
        .compose(v -> syncQuestions());
  }

  private Future<Void> rebuild(List<Supplier<Future<List<RadarDocument>>>> sources) {
    List<RadarDocument> all = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Supplier<Future<List<RadarDocument>>> source : sources) {
      chain = chain.compose(v -> source.get()).map(docs -> {
        all.addAll(docs);
        return null;
      });
    }
    return chain.compose(v -> writes.executeBlocking(() -> {
      index.indexAll(all);
      log.info("Duplication radar index rebuilt in {} with {} documents", dir, all.size());
      return null;
    }, false));
  }

  /** Adds or replaces a document; other features (contributions) call this when their text is ready. */
  public Future<Void> index(RadarDocument doc) {
    return writes.executeBlocking(() -> {
      index.index(doc);
      return null;
    }, false);
  }

  public Future<Void> remove(String kind, String sourceId) {
    return writes.executeBlocking(() -> {
      index.remove(RadarDocument.key(kind, sourceId));
      return null;
    }, false);
  }

  /** Brings the index's copy of every Question up to date, writing only what changed. */
  public Future<Void> syncQuestions() {
    return workspaces.allGroups().compose(groups -> workspaces.allQuestions().map(questions -> {
      Map<String, Group> byId = new HashMap<>();
      groups.forEach(g -> byId.put(g.id(), g));
      List<RadarDocument> docs = new ArrayList<>();
      for (Question q : questions) {
        Group g = byId.get(q.groupId());
        if (g != null) {
          docs.add(new RadarDocument(RadarDocument.QUESTION, q.id(), g.sector().wire(), g.id(), g.code(), q.number(),
              q.title(), null));
        }
      }
      return docs;
    })).compose(docs -> {
      List<RadarDocument> changed = docs.stream().filter(d -> !print(d).equals(questionPrints.get(d.key()))).toList();
      List<String> gone = new ArrayList<>(questionPrints.keySet());
      gone.removeAll(docs.stream().map(RadarDocument::key).toList());
      if (changed.isEmpty() && gone.isEmpty()) {
        return Future.succeededFuture();
      }
      return writes.executeBlocking(() -> {
        index.indexAll(changed);
        gone.forEach(index::remove);
        changed.forEach(d -> questionPrints.put(d.key(), print(d)));
        gone.forEach(questionPrints::remove);
        return null;
      }, false);
    });
  }

  private static String print(RadarDocument d) {
    return String.join("\u0001", d.sector(), String.valueOf(d.groupCode()), String.valueOf(d.ref()), d.title());
  }

  /** Documents of other sectors similar to this text, that {@code actor} may read. */
  public Future<List<RadarMatch>> similar(Actor actor, String title, String text, String sector,
      java.util.Collection<String> excluded, int limit) {
    return syncQuestions()
        .compose(v -> reads.executeBlocking(() -> index.similar(title, text, sector, excluded, limit * 3), false))
        .compose(matches -> readable(actor, matches, m -> m.document().groupId()))
        .map(matches -> matches.stream().limit(limit).toList());
  }

  /** The strongest cross-sector overlaps that {@code actor} may read. */
  public Future<List<RadarPair>> overlaps(Actor actor, int limit, double minScore) {
    return syncQuestions()
        .compose(v -> reads.executeBlocking(() -> index.overlaps(limit * 3, minScore), false))
        .compose(pairs -> readable(actor, pairs, p -> p.a().groupId())
            .compose(some -> readable(actor, some, p -> p.b().groupId())))
        .map(pairs -> pairs.stream().limit(limit).toList());
  }

  private <T> Future<List<T>> readable(Actor actor, List<T> items, java.util.function.Function<T, String> groupOf) {
    Map<String, Future<Boolean>> cache = new HashMap<>();
    List<Future<Boolean>> checks = new ArrayList<>();
    for (T item : items) {
      String groupId = groupOf.apply(item);
      checks.add(groupId == null ? Future.succeededFuture(true) : cache.computeIfAbsent(groupId,
          id -> workspaces.access(actor, id).map(GroupAccess::canRead).otherwise(false)));
    }
    return Future.all(checks).map(all -> {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (Boolean.TRUE.equals(checks.get(i).result())) {
          out.add(items.get(i));
        }
      }
      return out;
    });
  }

  public Future<Void> close() {
    if (index == null) {
      return Future.succeededFuture();
    }
    return writes.executeBlocking(() -> {
      index.close();
      return null;
    }, false).compose(v -> writes.close()).compose(v -> reads.close());
  }

}
