package org.rapporteur.chat;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.VertxConnection;

/**
 * Writes a WebSocket's server frames straight to its Netty channel, already encoded. Vert.x's own
 * write path costs several times the system call per frame (promises, queues, per-write encoding);
 * for a room of thousands that is what bounds the delivery rate, and the bytes of each event are the
 * same for every subscriber. Reading, pings and closing stay with Vert.x. All frames of a connection
 * go through here, so they keep their order.
 */
final class ChannelWriter {
  private final Channel channel;

  private ChannelWriter(Channel channel) {
    this.channel = channel;
  }

  /** The writer of the connection an HTTP request arrived on; after its upgrade, the WebSocket's. */
  static ChannelWriter of(HttpConnection connection) {
    if (connection instanceof VertxConnection vertxConnection) {
      return new ChannelWriter(vertxConnection.channel());
    }
    throw new IllegalStateException("Unexpected Vert.x connection type " + connection.getClass().getName());
  }

  void write(WireFrame frame) {
    channel.writeAndFlush(Unpooled.wrappedBuffer(frame.wire()), channel.voidPromise());
  }

  /** Bytes written but not yet taken by the peer's socket: the connection's send queue. */
  long queuedBytes() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }
}
