package org.rapporteur.realtime.transport;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rapporteur.realtime.room.RoomLog;
import org.rapporteur.realtime.room.RoomName;

/**
 * A room's subscribers on one event loop, and the events waiting to reach them. Events are handed
 * out by a task on that loop, which takes everything that arrived since its last run: while the loop
 * keeps up that is one event, and when it falls behind the waiting events go out together, as one
 * {@code events} frame to each subscriber that asked for them. Under load a connection then costs one
 * write for several events instead of one write per event, so the delay stops growing.
 */
final class LoopFanOut {
  private static final Logger log = LoggerFactory.getLogger(LoopFanOut.class);
  /** An {@code events} frame stops growing at this many events or bytes (a burst then takes several). */
  static final int MAX_BATCH_EVENTS = 100;
  static final int MAX_BATCH_BYTES = 32_768;
  /** Subscribers served between two turns of the loop at its sockets. */
  private static final int SLICE = 250;

  private final Context context;
  private final RoomName room;
  private final DeliveryObserver deliveries;
  final Set<Subscription> members = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<RoomFrame> waiting = new ArrayDeque<>();
  private boolean scheduled;

  LoopFanOut(Context context, RoomName room, DeliveryObserver deliveries) {
    this.context = context;
    this.room = room;
    this.deliveries = deliveries;
  }

  /** Called in sequence order by the room's feed. */
  void offer(RoomFrame frame) {
    synchronized (waiting) {
      waiting.add(frame);
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    scheduleOnLoop();
  }

  /** Sends a frame that is not an event to every subscriber here, on the loop (see {@link RoomLog#tell}). */
  void passOn(WireFrame frame) {
    AfterReads.run(context, () -> members.forEach(member -> member.passOn(frame)));
  }

  private void scheduleOnLoop() {
    AfterReads.run(context, this::nextBatch);
  }

  /** Takes what waits (within the batch bounds) and starts handing it out, or stops when nothing waits. */
  private void nextBatch() {
    List<RoomFrame> batch = new ArrayList<>();
    synchronized (waiting) {
      int bytes = 0;
      while (!waiting.isEmpty() && batch.size() < MAX_BATCH_EVENTS
          && (batch.isEmpty() || bytes + waiting.peekFirst().frame().size() <= MAX_BATCH_BYTES)) {
        RoomFrame next = waiting.pollFirst();
        bytes += next.frame().size();
        batch.add(next);
      }
      if (batch.isEmpty()) {
        scheduled = false;
        return;
      }
    }
    WireFrame together = batch.size() > 1 ? eventsFrame(batch) : null;
    handOut(batch, together, members.toArray(new Subscription[0]), 0);
  }

  /**
   * Hands one batch to the subscribers a slice at a time, the loop reading its sockets between
   * slices: a room of thousands then delays incoming messages and storage replies by one slice, not
   * by the whole room.
   */
  private void handOut(List<RoomFrame> batch, WireFrame together, Subscription[] to, int from) {
    int end = Math.min(to.length, from + SLICE);
    for (int i = from; i < end; i++) {
      deliverOrDrop(to[i], batch, together);
    }
    if (end < to.length) {
      AfterReads.run(context, () -> handOut(batch, together, to, end));
    } else {
      batch.forEach(frame -> deliveries.delivered(frame.kind(), frame.storedAt(), to.length));
      scheduleOnLoop();
    }
  }

  /**
   * One broken connection must not stop the room: this task is the room's only way to the loop, and a
   * subscriber skipped in a batch would never get its events (the next batch moves its cursor on).
   */
  private void deliverOrDrop(Subscription subscription, List<RoomFrame> batch, WireFrame together) {
    try {
      subscription.deliver(batch, together);
    } catch (RuntimeException e) {
      members.remove(subscription);
      log.warn("Delivery in {} failed; the subscriber is dropped and resumes when it reconnects", room, e);
      try {
        subscription.abandon();
      } catch (RuntimeException closing) {
        log.warn("Closing the subscriber's connection failed too", closing);
      }
    }
  }

  private WireFrame eventsFrame(List<RoomFrame> batch) {
    return WireFrame.forMany(Frames.events(room, batch.stream().map(f -> f.frame().json()).toList()));
  }
}
