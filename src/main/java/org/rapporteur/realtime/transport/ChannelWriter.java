package org.rapporteur.realtime.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.impl.VertxConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a WebSocket's server frames straight to its Netty channel, already encoded. Vert.x's own
 * write path costs several times the system call per frame (promises, queues, per-write encoding);
 * for a room of thousands that is what bounds the delivery rate, and the bytes of each event are the
 * same for every subscriber. Reading, pings and closing stay with Vert.x. All frames of a connection
 * go through here, so they keep their order.
 */
final class ChannelWriter {
  /** Netty's default high-water mark: what a replay leaves queued at most, plus one frame. */
  private static final int REPLAY_HIGH_WATER = 65_536;

  private final Channel channel;
  /** Learnt from the pipeline as the upgrade left it, at the first write; null before. */
  private volatile Route route;
  /** Told when the channel can take more; installed the first time someone waits for that. */
  private WritabilityWatch watch;
  /** The text of the last message written compressed: what the peer's decompression window ends with. */
  private String lastDeflated;

  /**
   * Where frames enter the pipeline (null when TLS is its last handler) and whether the peer
   * negotiated permessage-deflate (see {@link #learnPipeline}).
   */
  private record Route(ChannelHandlerContext outlet, boolean deflates) {}

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

  /**
   * Makes the channel unwritable well before the send queue is full, so a replay pauses for the peer
   * (see {@link #whenWritable}) before live delivery would find the connection too slow.
   */
  ChannelWriter pauseBelow(int sendQueueBytes) {
    int high = Math.max(2, Math.min(REPLAY_HIGH_WATER, sendQueueBytes / 2));
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(high / 2, high));
    return this;
  }

  /**
   * Only after the upgrade: frames are written as the WebSocket's extensions (compression) want them.
   * Synchronized: which bytes a frame gets depends on the message before it, so choosing and writing
   * must keep the order of the writes.
   */
  synchronized void write(WireFrame frame) {
    Route known = route;
    if (known == null || (known.outlet() != null && known.outlet().isRemoved())) {
      known = learnPipeline();
      route = known;
    }
    ByteBuf bytes = known.deflates() ? frame.deflatedWire(lastDeflated) : frame.wire();
    if (known.deflates() && WireFrame.compressed(bytes)) {
      lastDeflated = frame.json();
    }
    if (known.outlet() == null) {
      channel.writeAndFlush(bytes, channel.voidPromise());
    } else {
      known.outlet().writeAndFlush(bytes, channel.voidPromise());
    }
  }

  /**
   * One walk of the pipeline learns two things.
   *
   * <p>Where the bytes enter it: just after the last TLS handler, or at the first handler when there
   * is none, so that they still pass TLS. The handlers further in (HTTP, WebSocket encoding, chunked
   * writes) would only pass finished bytes along, and passing them costs more than the system call
   * for a small frame. Null when TLS is the last handler: the bytes then take the whole pipeline.
   *
   * <p>Whether to compress: the frames written here skip Netty's compression encoder, which therefore
   * compresses none of them and keeps no context the peer would expect. The server accepts
   * permessage-deflate only (not the older per-frame extension), so an extension encoder in the
   * pipeline means that one.
   */
  private Route learnPipeline() {
    ChannelHandlerContext ctx = null;
    boolean takeNext = true;
    boolean extension = false;
    for (Map.Entry<String, ChannelHandler> entry : channel.pipeline()) {
      ChannelHandler handler = entry.getValue();
      extension |= handler instanceof WebSocketExtensionEncoder;
      boolean tls = handler instanceof SslHandler;
      if (tls || takeNext) {
        ctx = tls ? null : channel.pipeline().context(handler);
        takeNext = tls;
      }
    }
    return new Route(ctx, extension);
  }

  /** False once the channel holds more than Netty's high-water mark of unsent bytes, until it drains below the low one. */
  boolean writable() {
    return channel.isWritable();
  }

  /**
   * Completes on {@code context} once the channel is writable again (at once when it is), or when it
   * closes: a replay then reads its next page only when the peer has taken the last one.
   */
  Future<Void> whenWritable(Context context) {
    if (channel.isWritable() || !channel.isActive()) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = ((ContextInternal) context).promise();
    synchronized (this) {
      if (watch == null) {
        watch = new WritabilityWatch();
        channel.pipeline().addFirst(watch);
      }
      watch.waiting.add(promise);
    }
    // It may have drained between the check and the watch being in place.
    if (channel.isWritable() || !channel.isActive()) {
      wake();
    }
    return promise.future();
  }

  private void wake() {
    List<Promise<Void>> ready;
    synchronized (this) {
      ready = new ArrayList<>(watch.waiting);
      watch.waiting.clear();
    }
    ready.forEach(Promise::tryComplete);
  }

  /** Inbound only: writes from the handlers after it never pass through it. */
  private final class WritabilityWatch extends ChannelInboundHandlerAdapter {
    final List<Promise<Void>> waiting = new ArrayList<>();

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        wake();
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      wake();
      ctx.fireChannelInactive();
    }
  }

  /** Bytes written but not yet taken by the peer's socket: the connection's send queue. */
  long queuedBytes() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }
}
