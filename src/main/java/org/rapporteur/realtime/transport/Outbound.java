package org.rapporteur.realtime.transport;

import io.vertx.core.Future;

/** Where a subscriber's frames go: a WebSocket or a Server-Sent Events stream. Safe to call from any thread. */
interface Outbound {
  /** Writes one frame; when the peer cannot keep up, closes the transport instead and returns false. */
  boolean send(WireFrame frame, long seq);

  /** True while the transport's send queue is at its bound. */
  boolean congested();

  /** True while the peer has taken what was written, near enough that a replay may write more. */
  boolean writable();

  /** Completes once {@link #writable()} (at once when it is), or when the transport closes. */
  Future<Void> whenWritable();

  boolean isClosed();

  /** Closes the transport because the client is too slow; it reconnects and resumes with {@code since}. */
  void closeSlow(String reason);
}
