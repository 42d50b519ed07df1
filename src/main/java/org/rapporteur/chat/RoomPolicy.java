package org.rapporteur.chat;

import io.vertx.core.Future;
import org.rapporteur.account.Actor;

/**
 * Decides access to the rooms of one kind ({@code group}, {@code user}, later {@code meeting}).
 * A feature that owns a kind of room registers its policy with {@link RoomPolicies}.
 */
public interface RoomPolicy {
  /** The actor's access to the room with this id; fails with not-found when there is no such room. */
  Future<RoomAccess> access(Actor actor, String id);

  /** Of these users, as far as {@code asking} can tell, the ones who may read the room (so that @mentions never leak a restricted room). */
  Future<java.util.List<String>> readers(Actor asking, String id, java.util.List<String> userIds);
}
