package org.rapporteur.workspace;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.realtime.room.RoomAccess;
import org.rapporteur.realtime.room.RoomPolicy;

/** A group's workspace channel: readers of the group read, participants send, managers moderate. */
public final class GroupRoomPolicy implements RoomPolicy<Actor> {
  private final WorkspaceService workspaces;

  public GroupRoomPolicy(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public Future<RoomAccess> access(Actor actor, String groupId) {
    return workspaces.access(actor, groupId)
        .map(a -> new RoomAccess(a.canRead(), a.isParticipant(), a.canManage()));
  }

  @Override
  public Future<List<String>> readers(Actor asking, String groupId, List<String> userIds) {
    // Only members are notified: a mention must not reveal a restricted group to an outsider.
    return workspaces.members(asking, groupId).map(members -> {
      Set<String> ids = members.stream().map(Membership::userId).collect(Collectors.toSet());
      return userIds.stream().filter(ids::contains).toList();
    });
  }
}
