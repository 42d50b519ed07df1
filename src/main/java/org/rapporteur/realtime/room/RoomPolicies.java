package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.platform.errors.NotFoundException;

/** The room policies by room kind; a kind without a policy has no rooms (yet). */
final class RoomPolicies<P> {
  private final Map<String, RoomPolicy<P>> byKind = new ConcurrentHashMap<>();

  void register(String kind, RoomPolicy<P> policy) {
    byKind.put(kind, policy);
  }

  Future<RoomAccess> access(P caller, RoomName room) {
    return policy(room).compose(p -> p.access(caller, room.id()));
  }

  Future<List<String>> readers(P asking, RoomName room, List<String> userIds) {
    return policy(room).compose(p -> p.readers(asking, room.id(), userIds));
  }

  private Future<RoomPolicy<P>> policy(RoomName room) {
    RoomPolicy<P> policy = byKind.get(room.kind());
    return policy == null
        ? Future.failedFuture(new NotFoundException("There are no rooms of kind '" + room.kind() + "'"))
        : Future.succeededFuture(policy);
  }
}
