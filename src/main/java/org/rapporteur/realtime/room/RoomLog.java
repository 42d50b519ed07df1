package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.platform.mongo.GapFree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every room's log: gap-free sequence numbers, idempotent appends, and contiguous reads.
 *
 * <p>An event is stored under {@code _id = <room>:<seq>}, and a writer only ever inserts the number
 * after one it knows is stored. Appends to one room from this process go out in batches, one batch
 * at a time, as one ordered insert at the numbers after the head this process last saw. An ordered
 * insert stops at its first failure, so what it stores is always a run that continues the log: a
 * number exists only once its event does, and no crash can leave a gap. The unique index on
 * (room, clientId) makes a retried message fail to insert instead of being stored twice; the
 * number another process took first fails on {@code _id}. After any failure the log reads what is
 * really stored and settles each waiting append from that, so one storage command per batch is
 * the common case and the failures cost the extra reads. Stored events are then published on the
 * room's event-bus address.
 */
public final class RoomLog {
  private static final Logger logger = LoggerFactory.getLogger(RoomLog.class);
  private static final int MAX_BATCH = 200;
  /** Rounds one batch may take when other writers keep taking its numbers or the store keeps failing. */
  private static final int BATCH_ROUNDS = 8;
  private static final long RETRY_MILLIS = 40;
  /** How many ids one look-up for the head asks for. */
  private static final int PROBE = 128;
  /** The head hint is written once per this many events, so finding the head reads at most a page or two. */
  private static final int HINT_STRIDE = 64;
  private static final int READ_ATTEMPTS = 5;

  private final Vertx vertx;
  private final RoomEventStore store;
  private final Map<RoomName, RoomWriter> writers = new ConcurrentHashMap<>();

  public RoomLog(Vertx vertx, RoomEventStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** The stored event for this draft: newly appended, or the one an earlier attempt with its clientId stored. */
  public Future<Appended> append(RoomName room, RoomEvent.Draft draft) {
    Promise<Appended> promise = Promise.promise();
    RoomWriter writer = writers.computeIfAbsent(room, r -> new RoomWriter());
    boolean start;
    synchronized (writer) {
      writer.waiting.add(new Waiting(draft, promise));
      start = !writer.running;
      writer.running = true;
    }
    if (start) {
      writeNextBatch(room, writer);
    }
    return promise.future();
  }

  public record Appended(RoomEvent event, boolean duplicate) {}

  private record Waiting(RoomEvent.Draft draft, Promise<Appended> promise) {}

  /** This process's writer for one room; {@code head} is only a guess, checked by every insert. */
  private static final class RoomWriter {
    final List<Waiting> waiting = new ArrayList<>();
    boolean running;
    volatile long head = -1;
  }

  private void writeNextBatch(RoomName room, RoomWriter writer) {
    List<Waiting> batch;
    synchronized (writer) {
      if (writer.waiting.isEmpty()) {
        writer.running = false;
        return;
      }
      int size = Math.min(MAX_BATCH, writer.waiting.size());
      batch = new ArrayList<>(writer.waiting.subList(0, size));
      writer.waiting.subList(0, size).clear();
    }
    writeBatch(room, writer, batch, 1)
        .onFailure(failure -> batch.forEach(w -> w.promise().tryFail(failure)))
        .onComplete(done -> writeNextBatch(room, writer));
  }

  private Future<Void> writeBatch(RoomName room, RoomWriter writer, List<Waiting> batch, int round) {
    Future<Long> head = writer.head >= 0 ? Future.succeededFuture(writer.head) : head(room);
    return head.compose(known -> {
      Instant now = Instant.now();
      List<RoomEvent> events = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        events.add(RoomEvent.of(room.toString(), known + 1 + i, batch.get(i).draft(), now));
      }
      return store.insertInOrder(events).transform(inserted -> {
        if (inserted.succeeded()) {
          stored(room, writer, events, batch);
          return Future.succeededFuture();
        }
        writer.head = -1;
        if (round >= BATCH_ROUNDS) {
          return Future.failedFuture(inserted.cause());
        }
        return settle(room, writer, events, batch)
            .compose(left -> left.isEmpty() ? Future.succeededFuture()
                : delay(round == 1 ? 0 : RETRY_MILLIS).compose(v -> writeBatch(room, writer, left, round + 1)));
      });
    });
  }

  private void stored(RoomName room, RoomWriter writer, List<RoomEvent> events, List<Waiting> batch) {
    long last = events.get(events.size() - 1).seq();
    writer.head = Math.max(writer.head, last);
    for (int i = 0; i < events.size(); i++) {
      publish(room, events.get(i));
      batch.get(i).promise().tryComplete(new Appended(events.get(i), false));
    }
    if (last / HINT_STRIDE > (events.get(0).seq() - 1) / HINT_STRIDE) {
      store.raiseHeadHint(room.toString(), last)
          .onFailure(e -> logger.warn("Could not record the head of room {} at {}", room, last, e));
    }
  }

  /**
   * After a failed insert, finds out from storage which of the batch's events did get stored (the
   * ordered insert may have stored a first part, and a reply may have been lost), and which drafts
   * repeat a clientId stored earlier. Settles those, and returns the drafts still to write.
   */
  private Future<List<Waiting>> settle(RoomName room, RoomWriter writer, List<RoomEvent> attempted,
      List<Waiting> batch) {
    long first = attempted.get(0).seq();
    return head(room).compose(head -> {
      writer.head = head;
      Future<List<RoomEvent>> ours = head >= first
          ? store.range(room.toString(), first - 1, Math.min(head, first - 1 + attempted.size()), attempted.size())
          : Future.succeededFuture(List.of());
      return ours;
    }).compose(storedRun -> {
      List<Future<Waiting>> left = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        Waiting waiting = batch.get(i);
        RoomEvent mine = i < storedRun.size() && storedRun.get(i).clientId().equals(waiting.draft().clientId())
            ? storedRun.get(i) : null;
        if (mine != null) {
          publish(room, mine);
          waiting.promise().tryComplete(new Appended(mine, false));
          left.add(Future.succeededFuture());
        } else {
          left.add(store.findByClientId(room.toString(), waiting.draft().clientId()).map(earlier -> {
            if (earlier.isPresent()) {
              // Stored before this batch, or by a reply that never reached us: the retry gets the original.
              publish(room, earlier.get());
              waiting.promise().tryComplete(new Appended(earlier.get(), true));
              return null;
            }
            return waiting;
          }));
        }
      }
      return Future.all(left).map(all -> {
        List<Waiting> unsettled = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          Waiting w = all.resultAt(i);
          if (w != null && !w.promise().future().isComplete()) {
            unsettled.add(w);
          }
        }
        return unsettled;
      });
    });
  }

  private void publish(RoomName room, RoomEvent event) {
    vertx.eventBus().publish(room.address(), event.toBusMessage());
  }

  /**
   * Hands a frame to the room's subscribers on every process, live only: not stored, not numbered, not
   * replayed. For what a reader's other tabs should know now and may miss while away, such as how far
   * the reader read (the server keeps that elsewhere, and a page asks for it when it loads).
   */
  public void tell(RoomName room, JsonObject frame) {
    vertx.eventBus().publish(room.address(), new JsonObject().put(LIVE_ONLY, frame));
  }

  /** The field of a bus message that carries a frame for {@link #tell}. */
  public static final String LIVE_ONLY = "liveOnly";

  /**
   * The room's head: the highest stored number. Read from storage, so it is exact across server
   * processes: the hint (never above the head) and then the stored ids after it, page by page.
   */
  public Future<Long> head(RoomName room) {
    return store.headHint(room.toString()).compose(hint -> probeHead(room, hint));
  }

  private Future<Long> probeHead(RoomName room, long from) {
    return GapFree.head(from, PROBE, (after, upTo) -> store.range(room.toString(), after, upTo, PROBE), RoomEvent::seq);
  }

  /**
   * The events after {@code after}, without any gap, up to {@code upTo} (which must not exceed a
   * head read before) and at most {@code limit}; at least one whenever {@code after < upTo}.
   */
  public Future<List<RoomEvent>> readContiguous(RoomName room, long after, long upTo, int limit) {
    return readContiguous(room, after, upTo, limit, 1);
  }

  private Future<List<RoomEvent>> readContiguous(RoomName room, long after, long upTo, int limit, int attempt) {
    long end = Math.min(upTo, after + limit);
    if (end <= after) {
      return Future.succeededFuture(List.of());
    }
    return store.range(room.toString(), after, end, limit).compose(events -> {
      List<RoomEvent> prefix = contiguousPrefix(events, after);
      if (!prefix.isEmpty()) {
        return Future.succeededFuture(prefix);
      }
      // Every number up to a head is stored, so this only happens on a read that lags behind (a
      // secondary); a few short waits, then the caller hears of it rather than spinning.
      if (attempt >= READ_ATTEMPTS) {
        return Future.failedFuture(new IllegalStateException("Room " + room + " has no event " + (after + 1)));
      }
      return delay(RETRY_MILLIS).compose(v -> readContiguous(room, after, upTo, limit, attempt + 1));
    });
  }

  private static List<RoomEvent> contiguousPrefix(List<RoomEvent> events, long after) {
    return GapFree.contiguousPrefix(events, after, RoomEvent::seq);
  }

  private Future<Void> delay(long millis) {
    return millis <= 0 ? Future.succeededFuture() : vertx.timer(millis).mapEmpty();
  }
}
