package org.rapporteur.account;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.security.Actors;

/**
 * Finds the signed-in user of each API request from the session cookie. What a signed-in person is
 * answered may be restricted, so no cache (the browser's disk, a proxy) keeps any of it: a request
 * with a session cookie is answered with {@code Cache-Control: no-store}, whatever the route set.
 */
public final class SessionResolver implements Handler<RoutingContext> {
  public static final String COOKIE = "rapporteur_session";

  private final AccountService accounts;

  SessionResolver(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isBlank()) {
      ctx.next();
      return;
    }
    forbidCaching(ctx);
    accounts.resolveSession(cookie.getValue())
        .onSuccess(actor -> {
          Actors.put(ctx, actor);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** Set when the headers go out, so that it wins over a route's own caching header. */
  static void forbidCaching(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store"));
  }
}
