package org.rapporteur.realtime.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayDeque;

/**
 * Caps the replays that read from storage and write to their sockets at once in this process; the
 * others wait their turn, first come first served. A replay holds a turn for one page and gives it
 * back while its client takes that page in, so clients that do not read cannot hold every turn.
 */
final class ReplayTurns {
  private final int turns;
  private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
  private int running;
  private int peak;

  /** What the turns look like now, and the most replays that ever ran at once. */
  record Stats(int running, int waiting, int peak) {}

  ReplayTurns(int turns) {
    if (turns < 1) {
      throw new IllegalArgumentException("maxConcurrentReplays must be at least 1");
    }
    this.turns = turns;
  }

  /** Completes on {@code context} when the caller may run; it must then {@link #release()} exactly once. */
  Future<Void> acquire(Context context) {
    synchronized (this) {
      if (running < turns) {
        running++;
        peak = Math.max(peak, running);
        return Future.succeededFuture();
      }
      Promise<Void> promise = ((ContextInternal) context).promise();
      waiting.add(promise);
      return promise.future();
    }
  }

  void release() {
    Promise<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    // The turn passes straight on: running stays the same.
    next.complete();
  }

  synchronized Stats stats() {
    return new Stats(running, waiting.size(), peak);
  }
}
