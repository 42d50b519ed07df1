package org.rapporteur.realtime.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow and idle clients from exhausting the server: caps the open HTTP connections (the excess
 * is closed as it opens, before it costs more than a descriptor for a moment), and gives each
 * plain HTTP/1.1 connection a request-header timeout and a keep-alive idle timeout
 * ({@link ExchangeTimer}). Vert.x's own idle timeout cannot do the latter: it counts silence on the
 * socket whatever the socket carries, so it would also cut WebSockets and Server-Sent Events, which
 * keep their own heartbeat.
 */
public final class ConnectionGuard {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  private final int maxConnections;
  private final long headerTimeoutMillis;
  private final long idleTimeoutMillis;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  public ConnectionGuard(int maxConnections, long headerTimeoutMillis, long idleTimeoutMillis) {
    require(maxConnections >= 1, "http.maxConnections", maxConnections);
    require(headerTimeoutMillis >= 1, "http.requestHeaderTimeoutSeconds", headerTimeoutMillis / 1000);
    require(idleTimeoutMillis >= 1, "http.idleTimeoutSeconds", idleTimeoutMillis / 1000);
    this.maxConnections = maxConnections;
    this.headerTimeoutMillis = headerTimeoutMillis;
    this.idleTimeoutMillis = idleTimeoutMillis;
  }

  private static void require(boolean valid, String key, long value) {
    if (!valid) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + value);
    }
  }

  /**
   * Without clear-text HTTP/2 detection, Vert.x hands over each connection as soon as it is accepted;
   * with it, only after the client's first bytes, so a client that sends nothing would escape the cap
   * and the timeouts.
   */
  public static HttpServerOptions prepare(HttpServerOptions options) {
    return options.setHttp2ClearTextEnabled(false);
  }

  public HttpServer guard(HttpServer server) {
    return server.connectionHandler(this::accept);
  }

  /** Connections open now, counted from the guard's view (for tests and monitoring). */
  public int openConnections() {
    return open.get();
  }

  private void accept(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      return;
    }
    Channel channel = base.channel();
    int now = open.incrementAndGet();
    channel.closeFuture().addListener(closed -> open.decrementAndGet());
    if (now > maxConnections) {
      channel.close();
      if (refused.getAndIncrement() % 1000 == 0) {
        log.warn("Refusing connections over the cap of {} (http.maxConnections); {} refused so far", maxConnections,
            refused.get());
      }
      return;
    }
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get("httpDecoder") == null || pipeline.get("handler") == null) {
      return;
    }
    ExchangeTimer timer = new ExchangeTimer(headerTimeoutMillis, idleTimeoutMillis);
    pipeline.addBefore("httpDecoder", "guardBytes", timer.bytes());
    pipeline.addBefore("handler", "guardExchanges", timer.exchanges());
    timer.start(channel);
  }
}
