package org.rapporteur.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.index.IndexPipelineTest.Note;
import org.rapporteur.platform.cluster.LeaseStore;
import org.rapporteur.platform.cluster.OneAtATime;
import org.rapporteur.platform.events.ChangeFeed;
import org.rapporteur.platform.events.ChangeFeedStore;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.TestDatabase;

/**
 * Pipelines following the change feed over the embedded database, without an HTTP server: catching up
 * after a stop, rebuilding when the feed was trimmed past them, and rebuilding on request one node at a time.
 */
class IndexFeedFollowTest {
  private static final String ADDRESS = IndexPipelineTest.ADDRESS;

  @TempDir
  Path dir;
  private TestDatabase database;
  private Vertx vertx;
  private MongoClient mongo;
  private ChangeFeed feed;
  private final List<Note> records = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger sourceReads = new AtomicInteger();
  private final AtomicInteger rebuildingNow = new AtomicInteger();
  private final AtomicInteger mostRebuildingAtOnce = new AtomicInteger();
  private final List<IndexPipeline> pipelines = new ArrayList<>();
  private volatile Runnable duringRebuild = () -> {};

  @BeforeEach
  void start() throws Exception {
    database = TestDatabase.start(Files.createTempDirectory("index-feed"), "feed");
    vertx = database.vertx();
    mongo = database.mongo();
    feed = new ChangeFeed(vertx, new ChangeFeedStore(mongo));
  }

  @AfterEach
  void stop() {
    pipelines.forEach(p -> p.stop().otherwiseEmpty().await());
    database.close();
  }

  /** The system of record, read in one page; it counts how many rebuilds read it at the same time. */
  private RebuildSource<Note> source() {
    return (cursor, limit) -> {
      sourceReads.incrementAndGet();
      int now = rebuildingNow.incrementAndGet();
      mostRebuildingAtOnce.accumulateAndGet(now, Math::max);
      List<Note> all = List.copyOf(records);
      duringRebuild.run();
      return vertx.timer(150).map(t -> {
        rebuildingNow.decrementAndGet();
        return new RebuildSource.Page<>(all, null);
      });
    };
  }

  private IndexPipeline pipeline(String node) {
    IndexPipeline pipeline = new IndexPipeline(vertx, new IndexPipeline.Settings("notes", dir.resolve(node),
        StandardAnalyzer::new, Map.of("notes.schema", "1"), 100, 1),
        List.of(IndexFeed.events(ADDRESS, Note::fromJson, IndexPipelineTest::change, source())))
        .follow(new IndexPipeline.Following(feed, new OneAtATime(vertx, new LeaseStore(mongo, node),
            Duration.ofSeconds(5), Duration.ofMinutes(1)), 60_000, 7));
    pipelines.add(pipeline);
    return pipeline;
  }

  private void publish(Note note) {
    records.removeIf(n -> n.id().equals(note.id()));
    if (!note.deleted()) {
      records.add(note);
    }
    feed.append(ADDRESS, note.toJson()).await();
  }

  private static Map<String, String> texts(IndexPipeline pipeline) {
    return pipeline.read(index -> index.read(searcher -> {
      Map<String, String> out = new TreeMap<>();
      for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        out.put(doc.get("id"), doc.get("text"));
      }
      return out;
    })).await();
  }

  private static void stopped(IndexPipeline pipeline) {
    pipeline.stop().await();
  }

  @Test
  @DisplayName("A pipeline stopped while events are appended catches up from its cursor when started again, without a rebuild")
  void stoppedPipelineCatchesUpWithoutRebuild() {
    publish(new Note("a", "first", false));
    IndexPipeline first = pipeline("node-1");
    assertThat(first.start().await()).as("a new index rebuilds").isTrue();
    publish(new Note("b", "second", false));
    Eventually.until(() -> texts(first), t -> t.containsKey("b"), "the second note, followed");
    stopped(first);
    pipelines.remove(first);
    for (int i = 0; i < 30; i++) {
      publish(new Note("c" + i, "while away " + i, false));
    }
    publish(new Note("a", "", true));
    publish(new Note("b", "changed", false));
    int readsBefore = sourceReads.get();

    IndexPipeline again = pipeline("node-1");
    assertThat(again.start().await()).as("rebuilt").isFalse();
    assertThat(sourceReads.get()).as("the source was not read").isEqualTo(readsBefore);
    assertThat(again.rebuilds()).isZero();
    assertThat(again.cursor()).isEqualTo(feed.head().await()).isEqualTo(34);
    Map<String, String> texts = texts(again);
    assertThat(texts).hasSize(31).doesNotContainKey("a").containsEntry("b", "changed").containsEntry("c29", "while away 29");
  }

  @Test
  @DisplayName("A pipeline whose cursor is older than the feed's oldest entry rebuilds, and follows from the head it read first")
  void trimmedFeedMakesItRebuild() {
    publish(new Note("a", "first", false));
    IndexPipeline first = pipeline("node-1");
    first.start().await();
    stopped(first);
    pipelines.remove(first);
    publish(new Note("b", "missed", false));
    publish(new Note("c", "missed too", false));
    assertThat(feed.trimBefore(Instant.now().plusSeconds(1)).await()).isEqualTo(3);
    // A change made just after the rebuild read the records: only its entry, after the head read first, brings it.
    duringRebuild = () -> {
      duringRebuild = () -> {};
      records.add(new Note("d", "during the rebuild", false));
      feed.append(ADDRESS, new Note("d", "during the rebuild", false).toJson());
    };
    int readsBefore = sourceReads.get();

    IndexPipeline again = pipeline("node-1");
    assertThat(again.start().await()).isTrue();
    assertThat(sourceReads.get()).isGreaterThan(readsBefore);
    assertThat(again.rebuilds()).isEqualTo(1);
    Eventually.until(() -> texts(again), t -> t.keySet().equals(java.util.Set.of("a", "b", "c", "d")),
        "every record, and the change made during the rebuild");
    Eventually.until(again::cursor, c -> c == 4, "the cursor at the last entry");
  }

  @Test
  @DisplayName("A rebuild asked for through the feed happens on every node's index, one node at a time")
  void requestedRebuildRunsOnEveryNodeOneAtATime() {
    for (int i = 0; i < 5; i++) {
      publish(new Note("n" + i, "note " + i, false));
    }
    List<IndexPipeline> nodes = List.of(pipeline("node-1"), pipeline("node-2"), pipeline("node-3"));
    Future.all(nodes.stream().map(IndexPipeline::start).toList()).await();
    mostRebuildingAtOnce.set(0);
    records.add(new Note("quiet", "written to the database only", false));

    assertThat(nodes.get(0).rebuild().await()).as("records the asking node's rebuild wrote").isEqualTo(6);
    for (IndexPipeline node : nodes) {
      Eventually.until(node::rebuilds, n -> n == 2, "a second rebuild, after the one at start");
      assertThat(texts(node)).as("the record only a rebuild finds").containsKey("quiet");
    }
    assertThat(mostRebuildingAtOnce.get()).as("rebuilds reading the database at once").isEqualTo(1);
  }

  @Test
  @DisplayName("An event published through a pipeline reaches every pipeline following the feed, and is in the publisher's index when it completes")
  void publishedEventReachesEveryPipeline() {
    IndexPipeline one = pipeline("node-1");
    IndexPipeline two = pipeline("node-2");
    Future.all(one.start(), two.start()).await();
    one.publish(ADDRESS, new Note("x", "cross node", false).toJson()).await();
    assertThat(texts(one)).containsEntry("x", "cross node");
    Eventually.until(() -> texts(two), t -> "cross node".equals(t.get("x")), "the other node's index takes it");
  }
}
