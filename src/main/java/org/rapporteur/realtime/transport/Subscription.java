package org.rapporteur.realtime.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomLog;
import org.rapporteur.realtime.room.RoomName;

/**
 * One subscriber of one room. Joining happens in three steps with no loss and no duplicate at the
 * seams: the feed attaches the subscriber at its delivered head D and from then on hands it every
 * later event, which is buffered; storage replays the events after {@code since} up to D; then the
 * buffer drains. The cursor is the last sequence number sent, so nothing is sent twice.
 */
final class Subscription {
  private static final int REPLAY_PAGE = 500;
  /** How long a replay waits for its client to take the last page before closing the connection as too slow. */
  private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

  private final Context context;
  private final RoomName room;
  private final PresenceStore.Member who;
  private final Outbound out;
  private final RoomLog log;
  private final ReplayTurns turns;
  private final int bufferLimit;
  private final boolean batches;
  private final ArrayDeque<RoomFrame> buffer = new ArrayDeque<>();
  private long cursor;
  private boolean replaying = true;
  private boolean closed;

  /** {@code batches}: the client understands {@code events} frames (several events in one frame). */
  Subscription(Context context, RoomName room, PresenceStore.Member who, Outbound out, RoomLog log,
      ReplayTurns turns, int bufferLimit, boolean batches) {
    this.context = context;
    this.room = room;
    this.who = who;
    this.out = out;
    this.log = log;
    this.turns = turns;
    this.bufferLimit = bufferLimit;
    this.batches = batches;
  }

  RoomName room() {
    return room;
  }

  /** Whose connection this is: the room's presence list shows them while it is open. */
  PresenceStore.Member who() {
    return who;
  }

  /** The event loop of this subscriber's connection, where its writes are cheapest. */
  Context context() {
    return context;
  }

  /**
   * Called by the feed, in sequence order, for every event after the head it attached this at;
   * {@code together} is the same events as one {@code events} frame when there are several.
   */
  synchronized void deliver(List<RoomFrame> frames, WireFrame together) {
    if (closed) {
      return;
    }
    if (replaying) {
      if (buffer.size() + frames.size() > bufferLimit) {
        closed = true;
        out.closeSlow("too slow: more than " + bufferLimit + " events arrived during the replay");
        return;
      }
      buffer.addAll(frames);
      return;
    }
    long last = frames.get(frames.size() - 1).seq();
    if (together != null && batches && frames.get(0).seq() > cursor) {
      cursor = last;
      out.send(together, last);
      return;
    }
    for (RoomFrame frame : frames) {
      if (frame.seq() > cursor) {
        cursor = frame.seq();
        if (!out.send(frame.frame(), frame.seq())) {
          return;
        }
      }
    }
  }

  /** A frame outside the sequence: it moves no cursor, and is sent during a replay too. */
  synchronized void passOn(WireFrame frame) {
    if (!closed) {
      out.send(frame, 0);
    }
  }

  /**
   * Replays from storage what came after {@code since} up to the head the feed attached this at, then
   * goes live. A page is read only when the client has taken the last one, and only in one of the
   * process's replay turns; closing this (a new subscribe to the room, the tab leaving) stops it
   * between any two steps.
   */
  Future<Void> replay(Long since, long head) {
    synchronized (this) {
      cursor = since == null ? head : Math.min(Math.max(0, since), head);
    }
    return replayTo(head);
  }

  void close() {
    synchronized (this) {
      closed = true;
      buffer.clear();
    }
  }

  /** Delivering to this failed: its connection is closed, and the client resumes from the last seq it has. */
  void abandon() {
    close();
    out.closeSlow("delivery failed; reconnect and resume with since");
  }

  private Future<Void> replayTo(long head) {
    if (isClosed()) {
      return Future.succeededFuture();
    }
    if (cursorNow() >= head) {
      goLive();
      return Future.succeededFuture();
    }
    return drained().compose(open -> open ? replayPage(head) : Future.succeededFuture(false))
        .compose(more -> more ? replayTo(head) : Future.succeededFuture());
  }

  /** Reads and writes one page in a turn; the part the socket cannot take yet waits outside it. True to go on. */
  private Future<Boolean> replayPage(long head) {
    return turns.acquire(context).compose(turn -> {
      if (isClosed()) {
        turns.release();
        return Future.succeededFuture(false);
      }
      return log.readContiguous(room, cursorNow(), head, REPLAY_PAGE)
          .transform(read -> {
            turns.release();
            return read.succeeded() ? Future.succeededFuture(read.result()) : Future.failedFuture(read.cause());
          })
          .compose(events -> sendRest(events, 0));
    });
  }

  private Future<Boolean> sendRest(List<RoomEvent> events, int from) {
    int next = from;
    while (next < events.size() && out.writable() && !isClosed()) {
      next = sendReplayed(events, next);
    }
    if (next >= events.size() || isClosed()) {
      return Future.succeededFuture(!isClosed());
    }
    int rest = next;
    return drained().compose(open -> open ? sendRest(events, rest) : Future.succeededFuture(false));
  }

  /** True once the client has taken what was written; false when this closed meanwhile or the client stalled. */
  private Future<Boolean> drained() {
    if (out.writable()) {
      return Future.succeededFuture(!isClosed());
    }
    return out.whenWritable().timeout(DRAIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).transform(ready -> {
      if (ready.failed() && !isClosed()) {
        out.closeSlow("too slow: the replay could not be delivered");
      }
      return Future.succeededFuture(ready.succeeded() && !isClosed());
    });
  }

  /**
   * Sends the events that continue the cursor from index {@code from} on: for a client that takes
   * {@code events} frames, as many as one such frame holds (the bounds of live batches), else one.
   * A long replay then costs a slow link few frames, and each is large enough to be compressed well.
   * Returns the index after the last event used.
   */
  private synchronized int sendReplayed(List<RoomEvent> events, int from) {
    if (closed || events.get(from).seq() != cursor + 1) {
      return from + 1;
    }
    int maxEvents = batches ? LoopFanOut.MAX_BATCH_EVENTS : 1;
    List<String> frames = new ArrayList<>();
    int bytes = 0;
    int end = from;
    while (end < events.size() && frames.size() < maxEvents && events.get(end).seq() == cursor + 1 + frames.size()) {
      String frame = events.get(end).frame().encode();
      if (!frames.isEmpty() && bytes + frame.length() > LoopFanOut.MAX_BATCH_BYTES) {
        break;
      }
      frames.add(frame);
      bytes += frame.length();
      end++;
    }
    cursor += frames.size();
    String json = frames.size() == 1 ? frames.get(0) : Frames.events(room, frames);
    out.send(WireFrame.forOne(json), cursor);
    return end;
  }

  private synchronized void goLive() {
    replaying = false;
    for (RoomFrame b : buffer) {
      if (b.seq() > cursor) {
        cursor = b.seq();
        out.send(b.frame(), b.seq());
      }
    }
    buffer.clear();
  }

  private synchronized long cursorNow() {
    return cursor;
  }

  synchronized boolean isClosed() {
    return closed || out.isClosed();
  }
}
