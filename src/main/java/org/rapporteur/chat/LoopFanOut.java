package org.rapporteur.chat;

import io.vertx.core.Context;
import io.vertx.core.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A room's subscribers on one event loop, and the events waiting to reach them. Events are handed
 * out by a task on that loop, which takes everything that arrived since its last run: while the loop
 * keeps up that is one event, and when it falls behind the waiting events go out together, as one
 * {@code events} frame to each subscriber that asked for them. Under load a connection then costs one
 * write for several events instead of one write per event, so the delay stops growing.
 */
final class LoopFanOut {
  /** An {@code events} frame stops growing at this many events or characters (a burst then takes several). */
  static final int MAX_BATCH_EVENTS = 100;
  static final int MAX_BATCH_CHARS = 32_768;

  private final Context context;
  private final String roomJson;
  final Set<Subscription> members = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<RoomFrame> waiting = new ArrayDeque<>();
  private boolean scheduled;

  LoopFanOut(Context context, RoomName room) {
    this.context = context;
    this.roomJson = Json.encode(room.toString());
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
    context.runOnContext(v -> handOut());
  }

  private void handOut() {
    List<RoomFrame> batch = new ArrayList<>();
    boolean more;
    synchronized (waiting) {
      int chars = 0;
      while (!waiting.isEmpty() && batch.size() < MAX_BATCH_EVENTS
          && (batch.isEmpty() || chars + waiting.peekFirst().frame().length() <= MAX_BATCH_CHARS)) {
        RoomFrame next = waiting.pollFirst();
        chars += next.frame().length();
        batch.add(next);
      }
      more = !waiting.isEmpty();
      scheduled = more;
    }
    if (more) {
      context.runOnContext(v -> handOut());
    }
    if (batch.isEmpty()) {
      return;
    }
    String together = batch.size() > 1 ? eventsFrame(batch) : null;
    for (Subscription member : members) {
      member.deliver(batch, together);
    }
  }

  /** The frames are encoded JSON objects already, so the batch is put together without parsing them. */
  private String eventsFrame(List<RoomFrame> batch) {
    StringBuilder json = new StringBuilder(64 + batch.stream().mapToInt(f -> f.frame().length() + 1).sum());
    json.append("{\"type\":\"events\",\"room\":").append(roomJson).append(",\"events\":[");
    for (int i = 0; i < batch.size(); i++) {
      json.append(i == 0 ? "" : ",").append(batch.get(i).frame());
    }
    return json.append("]}").toString();
  }
}
