package org.rapporteur.account;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** Finds the signed-in user of each API request from the session cookie. */
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
    accounts.resolveSession(cookie.getValue())
        .onSuccess(actor -> {
          ctx.put(Actors.KEY, actor);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }
}
