package org.rapporteur.index;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.rapporteur.platform.cluster.OneAtATime;
import org.rapporteur.platform.events.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A derived Lucene index kept up to date from typed events: every write runs on one worker thread in
 * the order it was asked for (writes waiting together are committed together), reads on a small pool
 * of their own.
 *
 * <p>In a server the pipeline follows the durable change feed ({@link #follow}): at start it catches
 * up from the feed cursor its last commit carries, or rebuilds from its feeds' sources when it has
 * none (new, or emptied because its schema changed) or when the feed no longer reaches back to it;
 * after that it reads the feed on every hint and poll (see {@link FeedFollower}). Without a feed (a
 * pipeline on its own, in tests) it follows live event-bus events and rebuilds when empty; there,
 * events wait in a queue of bounded length, and one that finds it full is dropped with a warning, to
 * be caught up by the next rebuild, rather than letting memory grow without bound.
 *
 * <p>The composition root builds a pipeline and hands it to the feature that queries it; the feature
 * starts and stops it. Its analyzer is built at start on the writer thread, not where the pipeline is
 * made: the language analyzers load their stop words and dictionaries from the classpath, blocking work
 * that must not run on an event loop.
 */
public final class IndexPipeline {
  private static final Logger log = LoggerFactory.getLogger(IndexPipeline.class);
  /** Records read from a source per page during a rebuild. */
  static final int PAGE = 200;
  /** Writes committed together at most. */
  private static final int BATCH = 500;

  private final Vertx vertx;
  private final Settings settings;
  private final List<IndexFeed<?>> feeds = new ArrayList<>();
  private final WorkerExecutor writer;
  private final WorkerExecutor readers;
  private final AtomicInteger queued = new AtomicInteger();
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private volatile LuceneIndex index;
  private volatile Analyzer analyzer;
  private volatile boolean started;
  private volatile boolean stopping;
  private volatile FeedFollower follower;

  /**
   * What an index is: a {@code name} for its threads and logs, its directory, what builds the
   * analyzer its documents are written with (called once, on the writer thread), the schema tag of its
   * commits, how many events may wait for the writer, and how many threads read it.
   */
  public record Settings(String name, Path directory, Supplier<Analyzer> analyzer, Map<String, String> schema,
      int writeQueueLength, int readers) {}

  /**
   * How a pipeline follows the change feed: the feed, what makes the nodes' rebuilds take turns (null:
   * no turns), how often it reads the feed when no hint came, and how many entries it reads at once.
   */
  public record Following(ChangeFeed feed, OneAtATime rebuilds, long pollMillis, int pageSize) {}

  public IndexPipeline(Vertx vertx, Settings settings, List<IndexFeed<?>> feeds) {
    this.vertx = vertx;
    this.settings = settings;
    this.feeds.addAll(feeds);
    String pool = "rapporteur-index-" + settings.name() + "-" + System.identityHashCode(this);
    this.writer = vertx.createSharedWorkerExecutor(pool + "-writer", 1);
    this.readers = vertx.createSharedWorkerExecutor(pool + "-reader", settings.readers());
  }

  /** Changes received and not yet written (feed entries after the cursor): how far the index is behind. */
  public int lag() {
    FeedFollower feed = follower;
    return feed == null ? queued.get() : feed.lag();
  }

  /** The last feed entry the index holds (-1 when it follows no feed). */
  public long cursor() {
    FeedFollower feed = follower;
    return feed == null ? -1 : feed.cursor();
  }

  /** Rebuilds since start, the one at start included (-1 when it follows no feed). */
  public int rebuilds() {
    FeedFollower feed = follower;
    return feed == null ? -1 : feed.rebuilds();
  }

  /** Follows the change feed rather than live bus events; called before {@link #start()}. */
  public IndexPipeline follow(Following following) {
    if (started) {
      throw new IllegalStateException("The " + settings.name() + " index has started; it follows the feed from start");
    }
    follower = new FeedFollower(vertx, this, following, settings.name());
    return this;
  }

  /**
   * Adds a feed before the pipeline starts, for an owner that is built after the pipeline's user (the
   * liaisons feed the radar, which they also write to).
   */
  public IndexPipeline add(IndexFeed<?> feed) {
    if (started) {
      throw new IllegalStateException("The " + settings.name() + " index has started; feeds are added before");
    }
    feeds.add(feed);
    return this;
  }

  /**
   * Builds the analyzer and opens the index, catches up or rebuilds it, then follows the change feed
   * (or, without one, the feeds' bus events); answers whether it rebuilt.
   */
  public Future<Boolean> start() {
    started = true;
    return writer.executeBlocking(() -> {
      analyzer = settings.analyzer().get();
      index = LuceneIndex.open(settings.directory(), analyzer, settings.schema());
      return index.size() == 0;
    }).compose(empty -> {
      if (follower != null) {
        return follower.start(index.cursor());
      }
      feeds.forEach(this::listen);
      return empty ? rebuildCovering(null).map(true) : Future.succeededFuture(false);
    });
  }

  /** Whether one of the feeds follows events on {@code address}. */
  boolean follows(String address) {
    return feeds.stream().anyMatch(feed -> address.equals(feed.address()));
  }

  /** Writes the entries of this index's feeds, and commits {@code cursor} with them. */
  Future<Void> writeEntries(List<ChangeFeed.Entry> entries, long cursor) {
    return submit(() -> {
      List<IndexChange> changes = new ArrayList<>(entries.size());
      for (ChangeFeed.Entry entry : entries) {
        IndexFeed<?> feed = feeds.stream().filter(f -> entry.address().equals(f.address())).findFirst().orElseThrow();
        try {
          changes.add(change(feed, entry.body()));
        } catch (RuntimeException e) {
          // One entry that cannot become a document must not hold the index back for good.
          log.error("The {} index skips feed entry {}: it could not be read", settings.name(), entry.seq(), e);
        }
      }
      return changes;
    }, cursor);
  }

  private static <E> IndexChange change(IndexFeed<E> feed, JsonObject body) {
    return feed.mapper().change(feed.decoder().apply(body));
  }

  /**
   * Publishes an event of one of this index's feeds through the change feed, so that every node's
   * index takes it; completes once this node's index holds it. Without a feed, writes it here.
   */
  public Future<Void> publish(String address, JsonObject body) {
    FeedFollower feed = follower;
    if (feed == null) {
      IndexFeed<?> target = feeds.stream().filter(f -> address.equals(f.address())).findFirst().orElseThrow();
      return submit(() -> List.of(change(target, body)), -1);
    }
    return feed.appendAndWait(address, body);
  }

  private <E> void listen(IndexFeed<E> feed) {
    if (feed.address() != null) {
      consumers.add(vertx.eventBus().<JsonObject>consumer(feed.address(),
          message -> enqueue(feed, feed.decoder().apply(message.body()))));
    }
  }

  private <E> void enqueue(IndexFeed<E> feed, E event) {
    if (stopping) {
      return;
    }
    if (queued.incrementAndGet() > settings.writeQueueLength()) {
      queued.decrementAndGet();
      log.warn("The {} index's write queue is full; a change waits for the next rebuild", settings.name());
      return;
    }
    apply(feed, event)
        .onComplete(done -> queued.decrementAndGet())
        .onFailure(e -> {
          if (!stopping) {
            log.error("Could not apply a change to the {} index", settings.name(), e);
          }
        });
  }

  /**
   * Writes one record of {@code feed}, after every write asked for before it. The record becomes a
   * document on the writer thread, so that building a large document never holds an event loop.
   */
  public <E> Future<Void> apply(IndexFeed<E> feed, E item) {
    return submit(() -> List.of(feed.mapper().change(item)), -1);
  }

  /** Applies the changes, in order, after every write asked for before them. */
  public Future<Void> write(List<IndexChange> changes) {
    return changes.isEmpty() ? Future.succeededFuture() : submit(() -> changes, -1);
  }

  /**
   * Queues a write; the writer thread takes every write waiting, in the order they were asked for,
   * and commits them together, so that a burst of events costs one commit rather than one each. The
   * future completes on the asker's context once the write is committed and visible to reads.
   */
  private Future<Void> submit(Supplier<List<IndexChange>> changes, long cursor) {
    Context context = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    waiting.add(new Pending(changes, cursor, result -> context.runOnContext(v -> done.handle(result))));
    drainSoon();
    return done.future();
  }

  private void drainSoon() {
    if (draining.compareAndSet(false, true)) {
      writer.executeBlocking(this::drain, false).onComplete(v -> {
        draining.set(false);
        if (!waiting.isEmpty()) {
          drainSoon();
        }
      });
    }
  }

  private Void drain() {
    List<Pending> batch = new ArrayList<>();
    for (Pending next = waiting.poll(); next != null && batch.size() < BATCH; next = waiting.poll()) {
      batch.add(next);
    }
    List<Pending> staged = new ArrayList<>();
    long cursor = -1;
    for (Pending write : batch) {
      try {
        write.changes().get().forEach(index::stage);
        staged.add(write);
        cursor = Math.max(cursor, write.cursor());
      } catch (RuntimeException e) {
        write.done().handle(Future.failedFuture(e));
      }
    }
    Future<Void> committed;
    try {
      if (cursor >= 0) {
        index.commit(cursor);
      } else {
        index.commit();
      }
      committed = Future.succeededFuture();
    } catch (RuntimeException e) {
      committed = Future.failedFuture(e);
    }
    for (Pending write : staged) {
      write.done().handle(committed);
    }
    return null;
  }

  private record Pending(Supplier<List<IndexChange>> changes, long cursor, Handler<AsyncResult<Void>> done) {}

  /** The analyzer the documents are written with, for queries; null until {@link #start()} has built it. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** Runs a read on a reader thread, against the latest committed state. */
  public <T> Future<T> read(Function<LuceneIndex, T> read) {
    return readers.executeBlocking(() -> read.apply(index), false);
  }

  /**
   * Empties the index and writes every feed's records again; answers how many it wrote. Following the
   * change feed, this asks every node to rebuild, one node at a time, and answers once this one has.
   */
  public Future<Integer> rebuild() {
    FeedFollower feed = follower;
    return feed == null ? rebuildCovering(null) : feed.requestRebuild();
  }

  /**
   * Rebuilds here, committing {@code cursor} at the end (null: none). Until then commits carry no
   * cursor, so a crash mid-rebuild leaves an index that rebuilds again rather than one that looks whole.
   */
  Future<Integer> rebuildCovering(Long cursor) {
    AtomicInteger count = new AtomicInteger();
    Future<Void> chain = writer.executeBlocking(() -> {
      index.forgetCursor();
      index.clear();
      return null;
    });
    for (IndexFeed<?> feed : feeds) {
      chain = chain.compose(v -> copy(feed, null, count));
    }
    return chain.compose(v -> writer.executeBlocking(() -> {
      index.commit(cursor);
      log.info("The {} index was rebuilt with {} records", settings.name(), count.get());
      return count.get();
    }));
  }

  private <E> Future<Void> copy(IndexFeed<E> feed, String cursor, AtomicInteger count) {
    return feed.source().page(cursor, PAGE).compose(page -> {
      Future<Void> written = writer.executeBlocking(() -> {
        for (E item : page.items()) {
          IndexChange change = feed.mapper().change(item);
          index.stage(change);
          if (change instanceof IndexChange.Upsert) {
            count.incrementAndGet();
          }
        }
        return null;
      });
      return page.next() == null ? written : written.compose(v -> copy(feed, page.next(), count));
    });
  }

  /** Takes no more events, waits for the writes already asked for, and closes the index. */
  public Future<Void> stop() {
    stopping = true;
    List<Future<Void>> unregistered = new ArrayList<>(consumers.stream().map(MessageConsumer::unregister).toList());
    if (follower != null) {
      unregistered.add(follower.stop());
    }
    return Future.join(unregistered).transform(v -> writer.executeBlocking(() -> {
      if (index != null) {
        index.close();
      }
      return null;
    })).eventually(() -> readers.close()).eventually(() -> writer.close()).mapEmpty();
  }
}
