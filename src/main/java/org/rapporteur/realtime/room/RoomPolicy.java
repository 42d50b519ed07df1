package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import java.util.List;

/**
 * Decides access to the rooms of one kind ({@code group}, {@code user}, {@code meeting}). The
 * feature that owns a kind of room registers its policy with {@link Rooms}.
 */
public interface RoomPolicy<P> {
  /** The caller's access to the room with this id; fails with not-found when there is no such room. */
  Future<RoomAccess> access(P caller, String id);

  /** Of these users, as far as {@code asking} can tell, the ones who may read the room (so that @mentions never leak a restricted room). */
  Future<List<String>> readers(P asking, String id, List<String> userIds);
}
