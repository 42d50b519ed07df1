package org.rapporteur.index;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.events.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one pipeline's index up to date from the change feed: reads the entries after its cursor,
 * page by page and one read at a time, writes those of the pipeline's feeds, and commits the cursor
 * with the documents it covers. Reads when the feed's hint arrives from any node, and every poll
 * interval in case a hint was lost. A rebuild request for this index in the feed is honoured in its
 * place, under the index's lease, so that the nodes rebuild one after the other.
 */
final class FeedFollower {
  private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);
  private static final long STOP_WAIT_MILLIS = 5_000;

  private final Vertx vertx;
  private final IndexPipeline pipeline;
  private final IndexPipeline.Following following;
  private final String name;
  private final AtomicBoolean reading = new AtomicBoolean();
  private final AtomicBoolean readAgain = new AtomicBoolean();
  private final AtomicInteger rebuilds = new AtomicInteger();
  private final TreeMap<Long, List<Runnable>> waiters = new TreeMap<>();
  private volatile long cursor;
  private volatile long knownHead;
  private volatile int lastRebuildCount;
  private volatile boolean stopping;
  private volatile Future<Void> current = Future.succeededFuture();
  private MessageConsumer<JsonObject> hints;
  private long pollTimer = -1;

  FeedFollower(Vertx vertx, IndexPipeline pipeline, IndexPipeline.Following following, String name) {
    this.vertx = vertx;
    this.pipeline = pipeline;
    this.following = following;
    this.name = name;
  }

  long cursor() {
    return cursor;
  }

  int lag() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, knownHead - cursor));
  }

  int rebuilds() {
    return rebuilds.get();
  }

  /**
   * Catches up from the committed cursor, or rebuilds when there is none (a new or emptied index), or
   * when the feed no longer holds the entries after it (trimmed, or a feed younger than the index);
   * then follows. Answers whether it rebuilt.
   */
  Future<Boolean> start(Long committed) {
    return following.feed().state().compose(state -> {
      knownHead = state.head();
      String reason = committed == null ? "it has no feed cursor"
          : committed < state.trimmed() ? "its cursor " + committed + " is older than the feed's oldest entry"
          : committed > state.head() ? "its cursor " + committed + " is past the feed's head " + state.head() : null;
      if (reason != null) {
        log.info("The {} index rebuilds: {}", name, reason);
        return rebuildAt(state.head()).map(true);
      }
      cursor = committed;
      return readAll().map(v -> {
        log.info("The {} index caught up from feed cursor {} to {} without a rebuild", name, committed, cursor);
        return false;
      });
    }).onSuccess(rebuilt -> listen());
  }

  private void listen() {
    hints = vertx.eventBus().consumer(Addresses.FEED_APPENDED, message -> {
      knownHead = Math.max(knownHead, message.body().getLong("seq", 0L));
      wake();
    });
    pollTimer = vertx.setPeriodic(following.pollMillis(), id -> wake());
    // Entries appended while it started announced themselves before anyone listened.
    wake();
  }

  /** Reads now, or once more after the read under way, so that no hint is lost. */
  void wake() {
    readAgain.set(true);
    if (stopping || !reading.compareAndSet(false, true)) {
      return;
    }
    readAgain.set(false);
    current = readAll().onFailure(e -> {
      if (!stopping) {
        log.warn("The {} index could not read the change feed after {}; it tries again", name, cursor, e);
      }
    }).transform(done -> {
      reading.set(false);
      if (readAgain.get()) {
        wake();
      }
      return Future.<Void>succeededFuture();
    });
  }

  private Future<Void> readAll() {
    if (stopping) {
      return Future.succeededFuture();
    }
    int page = following.pageSize();
    return following.feed().read(cursor, page).compose(entries -> {
      if (entries.isEmpty()) {
        return knownHead > cursor ? checkTrimmed() : Future.succeededFuture();
      }
      knownHead = Math.max(knownHead, entries.get(entries.size() - 1).seq());
      return apply(entries).compose(v -> entries.size() == page ? readAll() : Future.succeededFuture());
    });
  }

  /** Nothing after the cursor though the head is past it: the entries were trimmed, or the read lags. */
  private Future<Void> checkTrimmed() {
    return following.feed().state().compose(state -> {
      knownHead = state.head();
      if (cursor < state.trimmed()) {
        log.warn("The {} index fell behind the feed's oldest entry ({} < {}); it rebuilds", name, cursor,
            state.trimmed());
        return rebuildAt(state.head()).mapEmpty();
      }
      return Future.succeededFuture();
    });
  }

  /** Writes a page of entries; a rebuild request for this index splits it and is honoured in its place. */
  private Future<Void> apply(List<ChangeFeed.Entry> entries) {
    Future<Void> chain = Future.succeededFuture();
    List<ChangeFeed.Entry> run = new ArrayList<>();
    for (ChangeFeed.Entry entry : entries) {
      if (Addresses.INDEX_REBUILD_REQUESTED.equals(entry.address()) && name.equals(entry.body().getString("index"))) {
        List<ChangeFeed.Entry> before = List.copyOf(run);
        run.clear();
        chain = chain.compose(v -> write(before, entry.seq() - 1))
            .compose(v -> rebuildAt(entry.seq()).mapEmpty());
      } else {
        run.add(entry);
      }
    }
    List<ChangeFeed.Entry> rest = List.copyOf(run);
    long last = entries.get(entries.size() - 1).seq();
    return chain.compose(v -> write(rest, last));
  }

  private Future<Void> write(List<ChangeFeed.Entry> entries, long upTo) {
    if (upTo <= cursor) {
      return Future.succeededFuture();
    }
    List<ChangeFeed.Entry> ours = entries.stream().filter(e -> pipeline.follows(e.address())).toList();
    if (ours.isEmpty()) {
      // Nothing for this index: the cursor moves on in memory and is committed with the next write.
      advance(upTo);
      return Future.succeededFuture();
    }
    return pipeline.writeEntries(ours, upTo).onSuccess(v -> advance(upTo));
  }

  private Future<Integer> rebuildAt(long head) {
    Future<Integer> rebuilt = following.rebuilds() == null ? pipeline.rebuildCovering(head)
        : following.rebuilds().run("index-rebuild:" + name, () -> pipeline.rebuildCovering(head));
    return rebuilt.onSuccess(count -> {
          rebuilds.incrementAndGet();
          lastRebuildCount = count;
          advance(head);
        });
  }

  private void advance(long to) {
    cursor = to;
    List<Runnable> due = new ArrayList<>();
    synchronized (waiters) {
      Map<Long, List<Runnable>> reached = waiters.headMap(to, true);
      reached.values().forEach(due::addAll);
      reached.clear();
    }
    due.forEach(Runnable::run);
  }

  /** Completes once the index holds the feed up to {@code seq}, on the asker's context. */
  Future<Void> reached(long seq) {
    if (cursor >= seq) {
      return Future.succeededFuture();
    }
    Context context = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    synchronized (waiters) {
      waiters.computeIfAbsent(seq, s -> new ArrayList<>()).add(() -> context.runOnContext(v -> done.tryComplete()));
    }
    if (cursor >= seq) {
      advance(cursor);
    }
    wake();
    return done.future();
  }

  /** Appends an event to the feed; completes once this node's index holds it. */
  Future<Void> appendAndWait(String address, JsonObject body) {
    return following.feed().append(address, body).compose(this::reached);
  }

  /** Asks every node (this one included) to rebuild this index; answers how many records this node's rebuild wrote. */
  Future<Integer> requestRebuild() {
    return following.feed().append(Addresses.INDEX_REBUILD_REQUESTED, new JsonObject().put("index", name))
        .compose(this::reached).map(v -> lastRebuildCount);
  }

  Future<Void> stop() {
    stopping = true;
    if (pollTimer >= 0) {
      vertx.cancelTimer(pollTimer);
    }
    Future<Void> unregistered = hints == null ? Future.succeededFuture() : hints.unregister();
    // A read under way may be waiting for its turn to rebuild, for minutes: a stop waits only a little.
    return unregistered.transform(v -> Future.any(current, vertx.timer(STOP_WAIT_MILLIS))).otherwiseEmpty()
        .mapEmpty();
  }
}
