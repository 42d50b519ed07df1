package org.rapporteur.realtime.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rapporteur.realtime.room.RoomName;

/**
 * The people with each group or meeting room open in this process (several tabs of one person count
 * once), written to {@link PresenceStore} shortly after a change and rewritten periodically. The writes
 * leave the subscription path at once: joining a room never waits for them.
 */
final class RoomPresence {
  private static final Logger log = LoggerFactory.getLogger(RoomPresence.class);
  /** A meeting's start brings hundreds of joins: they are written together, this long after the first. */
  static final long SETTLE_MILLIS = 1_000;

  private final Vertx vertx;
  private final PresenceStore store;
  private final String process = UUID.randomUUID().toString();
  /** room -> user id -> (name, open subscriptions) */
  private final Map<RoomName, Map<String, Open>> rooms = new HashMap<>();
  private final Set<RoomName> changed = new HashSet<>();
  private final long rewriteTimer;
  private long settleTimer = -1;
  private boolean stopped;

  private static final class Open {
    final String name;
    int count;

    Open(String name) {
      this.name = name;
    }
  }

  RoomPresence(Vertx vertx, PresenceStore store) {
    this.vertx = vertx;
    this.store = store;
    this.rewriteTimer = vertx.setPeriodic(PresenceStore.REWRITE.toMillis(), id -> rewriteAll());
  }

  private static boolean tracked(RoomName room) {
    return !"user".equals(room.kind());
  }

  synchronized void join(RoomName room, PresenceStore.Member who) {
    if (!tracked(room) || who.id() == null || stopped) {
      return;
    }
    Open open = rooms.computeIfAbsent(room, r -> new HashMap<>()).computeIfAbsent(who.id(), id -> new Open(who.name()));
    if (open.count++ == 0) {
      changed(room);
    }
  }

  synchronized void leave(RoomName room, PresenceStore.Member who) {
    Map<String, Open> people = rooms.get(room);
    Open open = people == null ? null : people.get(who.id());
    if (open == null || stopped) {
      return;
    }
    if (--open.count <= 0) {
      people.remove(who.id());
      changed(room);
    }
  }

  private void changed(RoomName room) {
    changed.add(room);
    if (settleTimer < 0) {
      settleTimer = vertx.setTimer(SETTLE_MILLIS, id -> writeChanged());
    }
  }

  private void writeChanged() {
    List<RoomName> due;
    synchronized (this) {
      settleTimer = -1;
      due = new ArrayList<>(changed);
      changed.clear();
    }
    due.forEach(this::write);
  }

  private void rewriteAll() {
    List<RoomName> all;
    synchronized (this) {
      all = new ArrayList<>(rooms.keySet());
    }
    all.forEach(this::write);
    store.forgetStale().onFailure(e -> log.warn("Could not remove stale presence lists", e));
  }

  private void write(RoomName room) {
    List<PresenceStore.Member> members;
    synchronized (this) {
      if (stopped) {
        return;
      }
      Map<String, Open> people = rooms.getOrDefault(room, Map.of());
      members = people.entrySet().stream().map(e -> new PresenceStore.Member(e.getKey(), e.getValue().name)).toList();
      if (people.isEmpty()) {
        rooms.remove(room);
      }
    }
    store.write(process, room.toString(), members)
        .onFailure(e -> log.warn("Could not write who has room {} open", room, e));
  }

  /** Stops writing and removes this process's lists: its people are no longer here. */
  Future<Void> stop() {
    synchronized (this) {
      stopped = true;
      vertx.cancelTimer(rewriteTimer);
      if (settleTimer >= 0) {
        vertx.cancelTimer(settleTimer);
      }
      rooms.clear();
    }
    return store.removeProcess(process)
        .recover(e -> {
          log.warn("Could not remove this process's presence lists; they go stale in {}", PresenceStore.FRESH, e);
          return Future.succeededFuture();
        });
  }
}
