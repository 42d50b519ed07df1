package org.rapporteur.account;

import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.realtime.room.Callers;

/** Realtime's callers are actors: signed in by {@link SessionResolver}, or anonymous. */
public final class ActorCallers implements Callers<Actor> {
  @Override
  public Actor of(RoutingContext ctx) {
    return Actors.of(ctx);
  }

  @Override
  public String userId(Actor caller) {
    return caller.userId();
  }

  @Override
  public String name(Actor caller) {
    return caller.name();
  }
}
