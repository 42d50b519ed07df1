package org.rapporteur.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Holds an upload's body unread until the asynchronous session and access checks have passed, and
 * settles whatever is left unread when the answer goes out first (a refusal: 403, 409, 413, ...).
 *
 * <p>HTTP/1.1 cannot answer the next request on a connection before this one's body has been read;
 * a body left paused hangs the connection for good (tus.js sends HEAD right after a 409). A small rest
 * is read and thrown away, so the connection stays open; a larger or unknown one is answered with
 * {@code Connection: close}, and the server closes once the client has stopped sending or after a
 * short linger, so that the client reads the refusal before its socket is reset.
 */
public final class PausedBody implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final long drainBytes;
  private final long drainMillis;

  public PausedBody(Vertx vertx, long drainBytes, long drainMillis) {
    this.vertx = vertx;
    this.drainBytes = drainBytes;
    this.drainMillis = drainMillis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    boolean[] closing = {false};
    ctx.addHeadersEndHandler(v -> {
      if (!request.isEnded() && !fitsDrain(request)) {
        closing[0] = true;
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      }
    });
    // Only after an answer: when the connection broke instead, whoever was reading the body (an
    // interrupted tus PATCH keeps what arrived) must see it end, and nothing is left to settle.
    ctx.addEndHandler(answered -> {
      if (answered.succeeded() && !request.isEnded()) {
        discardRest(request, closing[0]);
      }
    });
    ctx.next();
  }

  private boolean fitsDrain(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length != null && Long.parseLong(length.strip()) - request.bytesRead() <= drainBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Reads the rest into nothing; closes when told to, or when the client takes too long to send it. */
  private void discardRest(HttpServerRequest request, boolean close) {
    long timer = vertx.setTimer(drainMillis, id -> request.connection().close());
    request.handler(ignored -> { });
    request.exceptionHandler(ignored -> vertx.cancelTimer(timer));
    request.endHandler(v -> {
      vertx.cancelTimer(timer);
      if (close) {
        request.connection().close();
      }
    });
    request.resume();
  }
}
