package org.rapporteur.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.Eventually;

/** The index pipeline on a plain Vert.x instance, with no HTTP server and no feature: events, rebuilds, order. */
class IndexPipelineTest {
  static final String ADDRESS = "test.note.changed";

  /** The event of a tiny feature: a note's text, or its deletion. */
  record Note(String id, String text, boolean deleted) {
    JsonObject toJson() {
      return new JsonObject().put("id", id).put("text", text).put("deleted", deleted);
    }

    static Note fromJson(JsonObject json) {
      return new Note(json.getString("id"), json.getString("text"), json.getBoolean("deleted"));
    }
  }

  static IndexChange change(Note note) {
    Term key = new Term("id", note.id());
    if (note.deleted()) {
      return IndexChange.delete(key);
    }
    Document doc = new Document();
    doc.add(new StringField("id", note.id(), Field.Store.YES));
    doc.add(new TextField("text", note.text(), Field.Store.YES));
    return IndexChange.upsert(key, doc);
  }

  @TempDir
  Path dir;
  Vertx vertx;
  final List<Note> records = Collections.synchronizedList(new ArrayList<>());
  final List<String> cursors = Collections.synchronizedList(new ArrayList<>());
  IndexPipeline pipeline;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (pipeline != null) {
      pipeline.stop().await();
    }
    vertx.close().await();
  }

  /** The system of record, read in id order by keyset pages. */
  RebuildSource<Note> source() {
    return RebuildSource.keyset((after, limit) -> {
      cursors.add(String.valueOf(after));
      List<Note> page = records.stream().filter(n -> after == null || n.id().compareTo(after) > 0)
          .sorted((a, b) -> a.id().compareTo(b.id())).limit(limit).toList();
      return Future.succeededFuture(page);
    }, Note::id);
  }

  IndexPipeline pipeline(int queueLength, DocumentMapper<Note> mapper) {
    return new IndexPipeline(vertx, new IndexPipeline.Settings("notes", dir.resolve("notes"), StandardAnalyzer::new,
        Map.of("notes.schema", "1"), queueLength, 2),
        List.of(IndexFeed.events(ADDRESS, Note::fromJson, mapper, source())));
  }

  int size() {
    return pipeline.read(LuceneIndex::size).await();
  }

  Map<String, String> texts() {
    return pipeline.read(index -> index.read(searcher -> {
      Map<String, String> out = new java.util.TreeMap<>();
      for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        out.put(doc.get("id"), doc.get("text"));
      }
      return out;
    })).await();
  }

  static String id(int n) {
    return String.format("note-%04d", n);
  }

  @Test
  @DisplayName("A missing index is rebuilt at start from every page of its source")
  void missingIndexIsRebuiltFromEveryPage() {
    for (int n = 0; n < 450; n++) {
      records.add(new Note(id(n), "rural broadband " + n, false));
    }
    pipeline = pipeline(100, IndexPipelineTest::change);
    assertThat(pipeline.start().await()).isTrue();
    assertThat(size()).isEqualTo(450);
    assertThat(cursors).containsExactly("null", id(199), id(399));
    int found = pipeline.read(index -> index.read(s -> s.count(new TermQuery(new Term("text", "broadband")))))
        .await();
    assertThat(found).isEqualTo(450);
  }

  @Test
  @DisplayName("The analyzer is built once, at start, on the index's writer thread rather than where the pipeline is made")
  void analyzerIsBuiltAtStartOnTheWriterThread() {
    List<String> builtOn = Collections.synchronizedList(new ArrayList<>());
    pipeline = new IndexPipeline(vertx, new IndexPipeline.Settings("notes", dir.resolve("notes"), () -> {
      builtOn.add(Thread.currentThread().getName());
      return new StandardAnalyzer();
    }, Map.of("notes.schema", "1"), 100, 2), List.of(IndexFeed.events(ADDRESS, Note::fromJson,
        IndexPipelineTest::change, source())));
    assertThat(builtOn).isEmpty();
    assertThat(pipeline.analyzer()).isNull();
    pipeline.start().await();
    assertThat(builtOn).hasSize(1);
    assertThat(builtOn.get(0)).startsWith("rapporteur-index-notes-").contains("-writer");
    assertThat(pipeline.analyzer()).isInstanceOf(StandardAnalyzer.class);
  }

  @Test
  @DisplayName("An index that holds documents is opened as it is, without reading the source")
  void existingIndexIsNotRebuilt() {
    records.add(new Note(id(1), "satellite", false));
    pipeline = pipeline(100, IndexPipelineTest::change);
    pipeline.start().await();
    pipeline.stop().await();
    records.add(new Note(id(2), "towers", false));
    cursors.clear();
    pipeline = pipeline(100, IndexPipelineTest::change);
    assertThat(pipeline.start().await()).isFalse();
    assertThat(cursors).isEmpty();
    assertThat(texts()).containsOnlyKeys(id(1));
    assertThat(pipeline.rebuild().await()).isEqualTo(2);
    assertThat(texts()).containsOnlyKeys(id(1), id(2));
  }

  @Test
  @DisplayName("Events are applied in the order they were published, deletions included")
  void eventsAreAppliedInOrder() {
    pipeline = pipeline(10_000, IndexPipelineTest::change);
    pipeline.start().await();
    for (int version = 1; version <= 50; version++) {
      for (int n = 0; n < 20; n++) {
        boolean deleted = n % 5 == 0 && version % 2 == 0;
        vertx.eventBus().publish(ADDRESS, new Note(id(n), "version" + version, deleted).toJson());
      }
    }
    Map<String, String> texts = Eventually.until(this::texts,
        t -> t.size() == 16 && t.values().stream().allMatch("version50"::equals), "the last version of every note");
    assertThat(texts).doesNotContainKeys(id(0), id(5), id(10), id(15));
  }

  @Test
  @DisplayName("Direct writes are applied in the order they were asked for, without waiting for each")
  void directWritesKeepTheirOrder() {
    pipeline = pipeline(100, IndexPipelineTest::change);
    pipeline.start().await();
    IndexFeed<Note> feed = IndexFeed.direct(IndexPipelineTest::change, RebuildSource.whole(() ->
        Future.succeededFuture(List.of())));
    List<Future<Void>> writes = new ArrayList<>();
    for (int version = 1; version <= 30; version++) {
      writes.add(pipeline.apply(feed, new Note(id(1), "version" + version, false)));
      writes.add(pipeline.write(List.of(change(new Note(id(2), "version" + version, version % 2 == 0)))));
    }
    Future.all(writes).await();
    assertThat(texts()).containsExactly(Map.entry(id(1), "version30"));
  }

  @Test
  @DisplayName("Changes beyond the write queue's length are dropped, and a rebuild catches them up")
  void fullQueueDropsChangesUntilTheNextRebuild() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    pipeline = pipeline(5, note -> {
      if (note.text().equals("block")) {
        blocked.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return change(note);
    });
    pipeline.start().await();
    vertx.eventBus().publish(ADDRESS, new Note(id(0), "block", false).toJson());
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    for (int n = 1; n <= 20; n++) {
      Note note = new Note(id(n), "queued", false);
      records.add(note);
      vertx.eventBus().publish(ADDRESS, note.toJson());
    }
    Thread.sleep(300);
    release.countDown();
    Eventually.until(this::size, s -> s == 5, "the blocking note and the four that found room");
    Thread.sleep(300);
    assertThat(size()).isEqualTo(5);
    assertThat(pipeline.rebuild().await()).isEqualTo(20);
    assertThat(texts()).hasSize(20).doesNotContainKey(id(0));
  }
}
