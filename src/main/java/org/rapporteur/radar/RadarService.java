package org.rapporteur.radar;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.index.IndexChange;
import org.rapporteur.index.IndexFeed;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.index.RebuildSource;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.events.ContributionChanged;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupAccess;
import org.rapporteur.workspace.Question;
import org.rapporteur.workspace.WorkspaceService;

/**
 * The duplication radar: which Questions, statements and contributions of the other sector cover
 * the same subject. The index lives in {@code DATA_DIR/radar} on an {@link IndexPipeline} that the
 * composition root builds with {@link #index}, rebuilt from MongoDB when it is missing; results are
 * filtered to what the asking person may read.
 */
public final class RadarService {
  private final IndexPipeline pipeline;
  private final WorkspaceService workspaces;
  private final Map<String, String> questionPrints = new ConcurrentHashMap<>();
  private volatile RadarIndex index;

  /** {@code pipeline}: the one {@link #index} builds; the Questions' feed is added here, since this reads them. */
  public RadarService(IndexPipeline pipeline, WorkspaceService workspaces) {
    this.pipeline = pipeline;
    this.workspaces = workspaces;
    pipeline.add(IndexFeed.direct(RadarIndex::upsert, RebuildSource.whole(this::questionDocuments)));
  }

  /**
   * The radar's index in {@code dir}, filled from {@code contributions} (whose change events it then
   * follows); the liaisons add theirs with {@link #liaisonFeed} before it starts.
   */
  public static IndexPipeline index(Vertx vertx, Path dir, int writeQueueLength,
      RebuildSource<ContributionChanged> contributions) {
    return new IndexPipeline(vertx, new IndexPipeline.Settings("radar", dir, RadarIndex::analyzer, RadarIndex.SCHEMA,
        writeQueueLength, 2), List.of(IndexFeed.events(Addresses.CONTRIBUTION_CHANGED, ContributionChanged::fromJson,
            ContributionRadarFeed::change, contributions)));
  }

  /**
   * The statements' feed: rebuilt from {@code liaisons}, kept up to date by the liaison feature through
   * {@link #index(RadarDocument)}, whose documents travel through the change feed to every node.
   */
  public static IndexFeed<RadarDocument> liaisonFeed(Supplier<Future<List<RadarDocument>>> liaisons) {
    return IndexFeed.events(Addresses.RADAR_DOCUMENT_CHANGED, RadarDocument::fromJson, RadarIndex::upsert,
        RebuildSource.whole(liaisons));
  }

  /** Opens the index and fills it when it is missing or empty; the Questions are then always brought up to date. */
  public Future<Void> start() {
    return pipeline.start()
        .compose(rebuilt -> pipeline.read(lucene -> {
          index = new RadarIndex(lucene, pipeline.analyzer());
          index.all().stream().filter(d -> d.kind().equals(RadarDocument.QUESTION))
              .forEach(d -> questionPrints.put(d.key(), print(d)));
          return null;
        }))
        .compose(v -> syncQuestions());
  }

  /**
   * Adds or replaces a document on every node's radar; the liaison feature calls this when a statement
   * is sent or changed. Completes once this node's radar holds it.
   */
  public Future<Void> index(RadarDocument doc) {
    return pipeline.publish(Addresses.RADAR_DOCUMENT_CHANGED, doc.toJson());
  }

  /** Brings the index's copy of every Question up to date, writing only what changed. */
  public Future<Void> syncQuestions() {
    return questionDocuments().compose(docs -> {
      List<RadarDocument> changed = docs.stream().filter(d -> !print(d).equals(questionPrints.get(d.key()))).toList();
      List<String> gone = new ArrayList<>(questionPrints.keySet());
      gone.removeAll(docs.stream().map(RadarDocument::key).toList());
      if (changed.isEmpty() && gone.isEmpty()) {
        return Future.succeededFuture();
      }
      List<IndexChange> changes = new ArrayList<>(changed.stream().map(RadarIndex::upsert).toList());
      gone.forEach(key -> changes.add(RadarIndex.removal(key)));
      return pipeline.write(changes).onSuccess(v -> {
        changed.forEach(d -> questionPrints.put(d.key(), print(d)));
        gone.forEach(questionPrints::remove);
      });
    });
  }

  private Future<List<RadarDocument>> questionDocuments() {
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
    }));
  }

  private static String print(RadarDocument d) {
    return String.join("\u0001", d.sector(), String.valueOf(d.groupCode()), String.valueOf(d.ref()), d.title());
  }

  /** Documents of other sectors similar to this text, that {@code actor} may read. */
  public Future<List<RadarMatch>> similar(Actor actor, String title, String text, String sector,
      java.util.Collection<String> excluded, int limit) {
    return syncQuestions()
        .compose(v -> pipeline.read(lucene -> index.similar(title, text, sector, excluded, limit * 3)))
        .compose(matches -> readable(actor, matches, m -> m.document().groupId()))
        .map(matches -> matches.stream().limit(limit).toList());
  }

  /** The strongest cross-sector overlaps that {@code actor} may read. */
  public Future<List<RadarPair>> overlaps(Actor actor, int limit, double minScore) {
    return syncQuestions()
        .compose(v -> pipeline.read(lucene -> index.overlaps(limit * 3, minScore)))
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

  /** Changes not yet written to the index (0 before it starts). */
  public int indexLag() {
    return pipeline == null ? 0 : pipeline.lag();
  }

  public Future<Void> close() {
    return pipeline.stop();
  }
}
