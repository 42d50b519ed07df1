package org.rapporteur.realtime.transport;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomLog;
import org.rapporteur.realtime.room.RoomName;

/**
 * This process's view of one room: one event-bus consumer, however many local subscribers. Events
 * can arrive out of order (two writers store 6 and 7; 7 is published first), so the feed hands them
 * on strictly in sequence order, and fetches from storage any number that does not arrive soon. It
 * holds no state that is not in the database: a new process builds the same view.
 */
final class RoomFeed {
  private static final long GAP_WAIT_MILLIS = 150;
  private static final int GAP_PAGE = 500;

  private final Vertx vertx;
  private final RoomName room;
  private final RoomLog log;
  /**
   * Subscribers by the event loop that owns their connection: one task per loop, not one per write.
   * Keyed by event loop, not by context: every connection has a context of its own, and a fan-out per
   * connection would build and encode each batch once per subscriber instead of once per loop.
   */
  private final Map<EventLoop, LoopFanOut> loops = new ConcurrentHashMap<>();
  private final TreeMap<Long, RoomEvent> pending = new TreeMap<>();
  private MessageConsumer<Object> consumer;
  private Future<Void> ready;
  private long delivered = -1;
  private boolean gapFillScheduled;
  /** The text of the last event handed out: the next one is compressed against it (WireFrame#following). */
  private String lastEventJson;
  private final DeliveryObserver deliveries;
  private boolean closed;
  /** The subscriptions that hold this feed open; a set, so that detaching twice cannot close it early. */
  final Set<Subscription> holders = new HashSet<>();

  RoomFeed(Vertx vertx, RoomName room, RoomLog log, DeliveryObserver deliveries) {
    this.vertx = vertx;
    this.room = room;
    this.log = log;
    this.deliveries = deliveries;
  }

  /** Listens first, then reads the head, so that nothing published in between is missed. */
  synchronized Future<Void> start() {
    if (ready == null) {
      consumer = vertx.eventBus().<Object>consumer(room.address(), message -> {
        // Stored events (with their seq) go out in sequence, live-only frames as they come; anything else
        // on the address is ignored.
        if (!(message.body() instanceof JsonObject body)) {
          return;
        }
        if (body.getValue("seq") instanceof Number) {
          accept(RoomEvent.fromBusMessage(body));
        } else if (body.getValue(RoomLog.LIVE_ONLY) instanceof JsonObject frame) {
          passOn(WireFrame.forOne(frame.encode()));
        }
      });
      ready = consumer.completion()
          .compose(v -> log.head(room))
          .map(head -> {
            initialize(head);
            return null;
          });
    }
    return ready;
  }

  /** Adds a subscriber and returns the head it joins at: it gets every event after that from this feed. */
  synchronized long attach(Subscription subscription) {
    // Closed while the feed started (the tab left at once): detached already, so it must not be added.
    if (!subscription.isClosed()) {
      ContextInternal context = (ContextInternal) subscription.context();
      loops.computeIfAbsent(context.nettyEventLoop(), l -> new LoopFanOut(context.unwrap(), room, deliveries))
          .members.add(subscription);
    }
    return delivered;
  }

  void detach(Subscription subscription) {
    LoopFanOut loop = loops.get(((ContextInternal) subscription.context()).nettyEventLoop());
    if (loop != null) {
      loop.members.remove(subscription);
    }
  }

  synchronized void close() {
    closed = true;
    loops.clear();
    pending.clear();
    if (consumer != null) {
      consumer.unregister();
    }
  }

  /** A frame that is not an event (see {@link RoomLog#tell}): straight to the subscribers, outside the sequence. */
  private synchronized void passOn(WireFrame frame) {
    if (!closed) {
      loops.values().forEach(loop -> loop.passOn(frame));
    }
  }

  private synchronized void initialize(long head) {
    delivered = head;
    drain();
  }

  synchronized void accept(RoomEvent event) {
    if (closed || delivered >= 0 && event.seq() <= delivered) {
      return;
    }
    pending.put(event.seq(), event);
    if (delivered >= 0) {
      drain();
    }
  }

  private void drain() {
    pending.headMap(delivered, true).clear();
    while (!pending.isEmpty() && pending.firstKey() == delivered + 1) {
      RoomEvent event = pending.pollFirstEntry().getValue();
      delivered = event.seq();
      String json = event.frame().encode();
      RoomFrame frame = new RoomFrame(event.seq(), WireFrame.following(json, lastEventJson), event.kind(), event.at());
      lastEventJson = json;
      for (LoopFanOut loop : loops.values()) {
        if (!loop.members.isEmpty()) {
          loop.offer(frame);
        }
      }
    }
    if (!pending.isEmpty() && !gapFillScheduled) {
      gapFillScheduled = true;
      vertx.setTimer(GAP_WAIT_MILLIS, id -> fillGap());
    }
  }

  private void fillGap() {
    long after;
    long before;
    synchronized (this) {
      if (closed || pending.isEmpty()) {
        gapFillScheduled = false;
        return;
      }
      after = delivered;
      before = pending.firstKey();
    }
    log.readContiguous(room, after, before - 1, GAP_PAGE).onComplete(result -> {
      synchronized (this) {
        gapFillScheduled = false;
        if (result.succeeded()) {
          result.result().forEach(this::accept);
        }
        if (!closed && !pending.isEmpty() && !gapFillScheduled) {
          gapFillScheduled = true;
          vertx.setTimer(GAP_WAIT_MILLIS, id -> fillGap());
        }
      }
    });
  }
}
