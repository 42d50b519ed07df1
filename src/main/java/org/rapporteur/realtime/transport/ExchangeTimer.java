package org.rapporteur.realtime.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock of one HTTP/1.1 connection. Between exchanges it allows {@code idleMillis} of silence;
 * once a request's first byte arrives (or from the opening of the connection), its header must be
 * complete within {@code headerMillis}, however slowly the bytes trickle in. While an exchange runs
 * (its request body still arriving or its response still being written, as a Server-Sent Events
 * stream is) no clock runs; a connection upgraded to a WebSocket leaves the guard altogether.
 *
 * <p>One part sits before the HTTP decoder and sees raw bytes; the other sits after it and sees
 * decoded requests and the responses written back. Everything runs on the channel's event loop.
 */
final class ExchangeTimer {
  private final long headerMillis;
  private final long idleMillis;
  private Channel channel;
  private ScheduledFuture<?> deadline;
  private boolean headerClock;
  private int unreadRequests;
  private int unansweredRequests;
  private boolean released;

  ExchangeTimer(long headerMillis, long idleMillis) {
    this.headerMillis = headerMillis;
    this.idleMillis = idleMillis;
  }

  void start(Channel channel) {
    this.channel = channel;
    channel.eventLoop().execute(() -> {
      if (!released && unansweredRequests == 0 && unreadRequests == 0 && deadline == null) {
        startHeaderClock();
      }
    });
  }

  ChannelInboundHandlerAdapter bytes() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf && !released && !busy() && !headerClock) {
          startHeaderClock();
        }
        super.channelRead(ctx, msg);
      }
    };
  }

  ChannelDuplexHandler exchanges() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!released) {
          if (msg instanceof HttpRequest) {
            stopClock();
            unreadRequests++;
            unansweredRequests++;
          }
          if (msg instanceof LastHttpContent) {
            unreadRequests = Math.max(0, unreadRequests - 1);
            idleIfDone();
          }
        }
        super.channelRead(ctx, msg);
      }

      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (!released) {
          if (msg instanceof HttpResponse response && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            release(ctx);
          } else if (msg instanceof LastHttpContent && !interim(msg)) {
            unansweredRequests = Math.max(0, unansweredRequests - 1);
            idleIfDone();
          }
        }
        super.write(ctx, msg, promise);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopClock();
        super.channelInactive(ctx);
      }
    };
  }

  /** A 100 Continue goes out before the request's real answer, which is still to come. */
  private static boolean interim(Object msg) {
    return msg instanceof HttpResponse response && response.status().code() < 200;
  }

  private boolean busy() {
    return unreadRequests > 0 || unansweredRequests > 0;
  }

  private void idleIfDone() {
    if (!busy()) {
      stopClock();
      deadline = channel.eventLoop().schedule(this::expire, idleMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void startHeaderClock() {
    stopClock();
    headerClock = true;
    deadline = channel.eventLoop().schedule(this::expire, headerMillis, TimeUnit.MILLISECONDS);
  }

  private void stopClock() {
    headerClock = false;
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  private void expire() {
    deadline = null;
    if (!released && !busy()) {
      channel.close();
    }
  }

  /** A WebSocket keeps its own heartbeat and idle timeout; the HTTP clocks no longer apply. */
  private void release(ChannelHandlerContext ctx) {
    released = true;
    stopClock();
    ChannelPipeline pipeline = ctx.pipeline();
    for (String name : new String[] {"guardBytes", "guardExchanges"}) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
  }
}
