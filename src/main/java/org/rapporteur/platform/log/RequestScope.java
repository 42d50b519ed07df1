package org.rapporteur.platform.log;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentMap;
import org.rapporteur.platform.security.Actors;

/**
 * The request a log line belongs to. Vert.x runs each HTTP request, and every callback it schedules, on
 * the request's own duplicate of the event loop's context, so the request is kept there rather than in
 * the thread's MDC, which the event loop shares between thousands of requests. Outside a duplicate
 * (a timer of the root context) nothing is kept, so no line is given another request's id.
 */
public final class RequestScope {
  private static final String KEY = "rapporteur.request";

  /** {@code ctx} is kept, not the user id, so that a line logged after the session lookup names the user. */
  private record Current(String requestId, RoutingContext ctx) {}

  private RequestScope() {}

  /** Called once per request, on its context, by the request-id handler. */
  public static void enter(RoutingContext ctx, String requestId) {
    Context context = Vertx.currentContext();
    if (context instanceof ContextInternal internal && internal.isDuplicate()) {
      localData(context).put(KEY, new Current(requestId, ctx));
    }
  }

  /** The id of the request being handled on this thread, or null outside one. */
  public static String requestId() {
    Current current = current();
    return current == null ? null : current.requestId();
  }

  /** The signed-in user of that request, or null. */
  public static String userId() {
    Current current = current();
    return current == null ? null : Actors.of(current.ctx()).userId();
  }

  private static Current current() {
    Context context = Vertx.currentContext();
    if (context == null) {
      return null;
    }
    return localData(context).get(KEY) instanceof Current current ? current : null;
  }

  private static ConcurrentMap<Object, Object> localData(Context context) {
    // The public ContextLocal must be registered before the first Vertx is made, which a library cannot
    // promise; this map is the one Vert.x's own tracing keeps per request.
    return ((ContextInternal) context).localContextData();
  }
}
