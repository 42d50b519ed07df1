package org.rapporteur.account;

import io.vertx.core.Future;
import java.util.List;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.realtime.room.RoomAccess;
import org.rapporteur.realtime.room.RoomPolicy;

/** A person's notification room: only they read it, and only the server writes to it. */
public final class UserRoomPolicy implements RoomPolicy<Actor> {
  @Override
  public Future<RoomAccess> access(Actor actor, String userId) {
    boolean own = actor.signedIn() && actor.userId().equals(userId);
    return Future.succeededFuture(own ? new RoomAccess(true, false, false) : RoomAccess.NONE);
  }

  @Override
  public Future<List<String>> readers(Actor asking, String userId, List<String> userIds) {
    return Future.succeededFuture(userIds.stream().filter(userId::equals).toList());
  }
}
