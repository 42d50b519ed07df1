package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.platform.mongo.MongoErrors;

/**
 * Every room's log: gap-free sequence numbers, idempotent appends, and contiguous reads.
 *
 * <p>Without transactions a number is reserved ({@code $inc} on the room's counter) and then the
 * event is inserted under {@code _id = <room>:<seq>}. Every way that could leave a number empty is
 * closed: a failed insert is retried at the same number; a writer that loses a race on its clientId
 * fills its number with a {@code void} event; and a reader that finds a number still empty after
 * {@code holeRepairMillis} (its writer died) fills it with {@code void} itself. Filling and
 * writing race on the same {@code _id}, so exactly one of them wins; a writer that loses takes a new
 * number. Stored events are then published on the room's event-bus address.
 */
public final class MessageLog {
  private static final int RESERVE_ATTEMPTS = 5;
  private static final int INSERT_RETRIES = 3;
  private static final long POLL_MILLIS = 40;
  private static final int MAX_BATCH = 200;

  private final Vertx vertx;
  private final EventStore store;
  private final long holeRepairMillis;
  private final Map<RoomName, RoomQueue> queues = new ConcurrentHashMap<>();

  MessageLog(Vertx vertx, EventStore store, long holeRepairMillis) {
    this.vertx = vertx;
    this.store = store;
    this.holeRepairMillis = holeRepairMillis;
  }

  /** The stored event for this draft: newly appended, or the one an earlier attempt with its clientId stored. */
  public Future<Appended> append(RoomName room, ChatEvent.Draft draft) {
    return store.findByClientId(room.toString(), draft.clientId()).compose(found -> found.isPresent()
        ? Future.succeededFuture(new Appended(found.get(), true))
        : appendChecked(room, draft));
  }

  public record Appended(ChatEvent event, boolean duplicate) {}

  /**
   * Like {@link #append}, for a caller that has just looked the clientId up itself and found nothing.
   * Appends to one room from this process are written in batches, one batch at a time: a block of
   * numbers is reserved with one {@code $inc} and the events are inserted with one bulk write. A
   * batch that fails in any way is settled event by event through the single-event path.
   */
  Future<Appended> appendChecked(RoomName room, ChatEvent.Draft draft) {
    Promise<Appended> promise = Promise.promise();
    RoomQueue queue = queues.computeIfAbsent(room, r -> new RoomQueue());
    boolean start;
    synchronized (queue) {
      queue.waiting.add(new Waiting(draft, promise));
      start = !queue.running;
      queue.running = true;
    }
    if (start) {
      writeNextBatch(room, queue);
    }
    return promise.future();
  }

  private record Waiting(ChatEvent.Draft draft, Promise<Appended> promise) {}

  private static final class RoomQueue {
    final List<Waiting> waiting = new ArrayList<>();
    boolean running;
  }

  private void writeNextBatch(RoomName room, RoomQueue queue) {
    List<Waiting> batch;
    synchronized (queue) {
      if (queue.waiting.isEmpty()) {
        queue.running = false;
        queues.remove(room, queue);
        return;
      }
      int size = Math.min(MAX_BATCH, queue.waiting.size());
      batch = new ArrayList<>(queue.waiting.subList(0, size));
      queue.waiting.subList(0, size).clear();
    }
    writeBatch(room, batch).onComplete(done -> writeNextBatch(room, queue));
  }

  private Future<Void> writeBatch(RoomName room, List<Waiting> batch) {
    return store.reserve(room.toString(), batch.size())
        .compose(head -> {
          Instant now = Instant.now();
          long first = head - batch.size() + 1;
          List<ChatEvent> events = new ArrayList<>(batch.size());
          for (int i = 0; i < batch.size(); i++) {
            events.add(ChatEvent.of(room.toString(), first + i, batch.get(i).draft(), now));
          }
          return store.insertAll(events)
              .map(v -> {
                for (int i = 0; i < events.size(); i++) {
                  publish(room, events.get(i));
                  batch.get(i).promise().tryComplete(new Appended(events.get(i), false));
                }
                return (Void) null;
              })
              .recover(failure -> settleOneByOne(room, events, batch));
        })
        .onFailure(failure -> batch.forEach(w -> w.promise().tryFail(failure)))
        .otherwiseEmpty();
  }

  private Future<Void> settleOneByOne(RoomName room, List<ChatEvent> events, List<Waiting> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < events.size(); i++) {
      ChatEvent event = events.get(i);
      Waiting waiting = batch.get(i);
      chain = chain.compose(v -> insertAt(room, event.seq(), waiting.draft(), RESERVE_ATTEMPTS, INSERT_RETRIES)
          .onComplete(result -> {
            if (result.succeeded()) {
              waiting.promise().tryComplete(result.result());
            } else {
              waiting.promise().tryFail(result.cause());
            }
          })
          .<Void>mapEmpty()
          .otherwiseEmpty());
    }
    return chain;
  }

  private Future<Appended> reserveAndInsert(RoomName room, ChatEvent.Draft draft, int reservesLeft) {
    return store.reserve(room.toString()).compose(seq -> insertAt(room, seq, draft, reservesLeft, INSERT_RETRIES));
  }

  private Future<Appended> insertAt(RoomName room, long seq, ChatEvent.Draft draft, int reservesLeft, int retriesLeft) {
    ChatEvent event = ChatEvent.of(room.toString(), seq, draft, Instant.now());
    return store.insert(event)
        .map(v -> {
          publish(room, event);
          return new Appended(event, false);
        })
        .recover(failure -> {
          if (MongoErrors.isDuplicateKey(failure)) {
            return resolveConflict(room, seq, draft, reservesLeft);
          }
          return retriesLeft > 0
              ? delay(POLL_MILLIS).compose(v -> insertAt(room, seq, draft, reservesLeft, retriesLeft - 1))
              : Future.failedFuture(failure);
        });
  }

  private Future<Appended> resolveConflict(RoomName room, long seq, ChatEvent.Draft draft, int reservesLeft) {
    return store.findByClientId(room.toString(), draft.clientId()).compose(original -> {
      if (original.isPresent()) {
        ChatEvent first = original.get();
        if (first.seq() == seq) {
          // Our own earlier attempt at this number did store it (a batch, or a write whose reply was lost).
          publish(room, first);
          return Future.succeededFuture(new Appended(first, false));
        }
        return fillVoid(room, seq).map(v -> new Appended(first, true));
      }
      if (reservesLeft <= 1) {
        return Future.failedFuture(new IllegalStateException("Could not place an event in room " + room));
      }
      return reserveAndInsert(room, draft, reservesLeft - 1);
    });
  }

  private Future<Void> fillVoid(RoomName room, long seq) {
    ChatEvent filler = ChatEvent.voidAt(room.toString(), seq);
    return store.insert(filler)
        .onSuccess(v -> publish(room, filler))
        .recover(failure -> MongoErrors.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
  }

  private void publish(RoomName room, ChatEvent event) {
    vertx.eventBus().publish(room.address(), event.toBusMessage());
  }

  /**
   * The events after {@code after}, without any gap, up to {@code upTo} (which must not exceed a
   * number already handed out) and at most {@code limit}. It waits for a number still being
   * written, and fills it with {@code void} when its writer is gone; so it returns at least one
   * event whenever {@code after < upTo}.
   */
  public Future<List<ChatEvent>> readContiguous(RoomName room, long after, long upTo, int limit) {
    return readContiguous(room, after, upTo, limit, System.currentTimeMillis());
  }

  private Future<List<ChatEvent>> readContiguous(RoomName room, long after, long upTo, int limit, long waitingSince) {
    long end = Math.min(upTo, after + limit);
    if (end <= after) {
      return Future.succeededFuture(List.of());
    }
    return store.range(room.toString(), after, end, limit).compose(events -> {
      List<ChatEvent> prefix = contiguousPrefix(events, after);
      if (!prefix.isEmpty()) {
        return Future.succeededFuture(prefix);
      }
      if (System.currentTimeMillis() - waitingSince >= holeRepairMillis) {
        return fillVoid(room, after + 1).compose(v -> readContiguous(room, after, upTo, limit));
      }
      return delay(POLL_MILLIS).compose(v -> readContiguous(room, after, upTo, limit, waitingSince));
    });
  }

  public Future<Long> reservedHead(RoomName room) {
    return store.reservedHead(room.toString());
  }

  private static List<ChatEvent> contiguousPrefix(List<ChatEvent> events, long after) {
    List<ChatEvent> prefix = new ArrayList<>(events.size());
    long expected = after + 1;
    for (ChatEvent event : events) {
      if (event.seq() != expected) {
        break;
      }
      prefix.add(event);
      expected++;
    }
    return prefix;
  }

  private Future<Void> delay(long millis) {
    return vertx.timer(millis);
  }
}
