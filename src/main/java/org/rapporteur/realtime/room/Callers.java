package org.rapporteur.realtime.room;

import io.vertx.ext.web.RoutingContext;

/**
 * Who makes a request, as realtime needs to know it: realtime passes the caller on to the room
 * policies and commands of the features and reads only its id and name, so it knows nothing of how
 * people sign in.
 */
public interface Callers<P> {
  /** The caller of a request; an anonymous caller when nobody signed in. */
  P of(RoutingContext ctx);

  /** Null for an anonymous caller. */
  String userId(P caller);

  /** The name the room's presence list shows. */
  String name(P caller);
}
