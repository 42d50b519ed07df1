package org.rapporteur.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.account.Actor;
import org.rapporteur.platform.errors.NotFoundException;

/** The room policies by room kind; a kind without a policy has no rooms (yet). */
public final class RoomPolicies {
  private final Map<String, RoomPolicy> byKind = new ConcurrentHashMap<>();

  public RoomPolicies register(String kind, RoomPolicy policy) {
    byKind.put(kind, policy);
    return this;
  }

  public Future<RoomAccess> access(Actor actor, RoomName room) {
    return policy(room).compose(p -> p.access(actor, room.id()));
  }

  public Future<List<String>> readers(Actor asking, RoomName room, List<String> userIds) {
    return policy(room).compose(p -> p.readers(asking, room.id(), userIds));
  }

  private Future<RoomPolicy> policy(RoomName room) {
    RoomPolicy policy = byKind.get(room.kind());
    return policy == null
        ? Future.failedFuture(new NotFoundException("There are no rooms of kind '" + room.kind() + "'"))
        : Future.succeededFuture(policy);
  }
}
