package org.rapporteur.account;

import io.vertx.ext.web.RoutingContext;

/** The actor of a request, as {@link SessionResolver} found it. */
public final class Actors {
  static final String KEY = "rapporteur.actor";

  private Actors() {}

  public static Actor of(RoutingContext ctx) {
    Actor actor = ctx.get(KEY);
    return actor == null ? Actor.ANONYMOUS : actor;
  }
}
