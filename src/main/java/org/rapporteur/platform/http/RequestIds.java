package org.rapporteur.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.rapporteur.platform.log.RequestScope;
import org.rapporteur.platform.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is short and plain (a proxy's),
 * else a new one. It is returned in {@code X-Request-Id}, put in every log line of the request and in
 * a problem's {@code instance}. Failed requests (4xx, 5xx) are logged at INFO on {@code
 * org.rapporteur.access}, the others at DEBUG: method, path without its query (which may hold a
 * token), status and time, never a header or a body.
 */
public final class RequestIds implements Handler<RoutingContext> {
  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "rapporteur.requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  /** A path segment that looks like a secret (a long token) rather than a name or a 24-digit id. */
  private static final Pattern TOKEN_SEGMENT = Pattern.compile("/[A-Za-z0-9_-]{32,}");
  private static final Logger access = LoggerFactory.getLogger("org.rapporteur.access");

  private final SecureRandom random = new SecureRandom();

  @Override
  public void handle(RoutingContext ctx) {
    String incoming = ctx.request().getHeader(HEADER);
    String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    ctx.put(KEY, id);
    RequestScope.enter(ctx, id);
    ctx.response().putHeader(HEADER, id);
    long started = System.nanoTime();
    ctx.addEndHandler(done -> logAccess(ctx, id, started));
    ctx.next();
  }

  /** The request's id, or null before this handler ran. */
  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void logAccess(RoutingContext ctx, String id, long started) {
    int status = ctx.response().getStatusCode();
    boolean failed = status >= 400;
    if (failed ? !access.isInfoEnabled() : !access.isDebugEnabled()) {
      return;
    }
    String path = TOKEN_SEGMENT.matcher(ctx.request().path()).replaceAll("/…");
    long millis = (System.nanoTime() - started) / 1_000_000;
    String user = Actors.of(ctx).userId();
    String format = "{} {} {} {} ms request={} user={}";
    Object[] args = {ctx.request().method(), path, status, millis, id, user == null ? "-" : user};
    if (failed) {
      access.info(format, args);
    } else {
      access.debug(format, args);
    }
  }
}
