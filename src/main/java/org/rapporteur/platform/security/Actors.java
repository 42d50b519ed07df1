package org.rapporteur.platform.security;

import io.vertx.ext.web.RoutingContext;

/** The actor of a request, as the session resolver of the account feature found it. */
public final class Actors {
  private static final String KEY = "rapporteur.actor";

  private Actors() {}

  public static Actor of(RoutingContext ctx) {
    Actor actor = ctx.get(KEY);
    return actor == null ? Actor.ANONYMOUS : actor;
  }

  public static void put(RoutingContext ctx, Actor actor) {
    ctx.put(KEY, actor);
  }
}
