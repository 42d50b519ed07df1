package org.rapporteur.realtime.transport;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * Runs work on a context's event loop after the loop's next turn at its sockets. Netty runs queued
 * tasks for up to 100 ms before it reads its sockets again, so long work queued as tasks one after
 * another would hold back every read on the loop (incoming messages, storage replies). Work due as a
 * scheduled task waits for the next turn instead, after the reads, so reads and this work alternate.
 */
final class AfterReads {
  private AfterReads() {}

  static void run(Context context, Runnable work) {
    ContextInternal loop = (ContextInternal) context;
    loop.nettyEventLoop().schedule(() -> loop.dispatch(work), 0, TimeUnit.NANOSECONDS);
  }
}
