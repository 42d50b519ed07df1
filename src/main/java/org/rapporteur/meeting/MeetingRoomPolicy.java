package org.rapporteur.meeting;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.realtime.room.RoomAccess;
import org.rapporteur.realtime.room.RoomPolicy;
import org.rapporteur.workspace.Membership;
import org.rapporteur.workspace.WorkspaceService;

/**
 * A meeting's room (chat, agenda, speaker queue): its group's readers read; the group's participants
 * and everyone registered for the meeting talk; chairs moderate.
 */
public final class MeetingRoomPolicy implements RoomPolicy<Actor> {
  private final MeetingService meetings;
  private final WorkspaceService workspaces;

  public MeetingRoomPolicy(MeetingService meetings, WorkspaceService workspaces) {
    this.meetings = meetings;
    this.workspaces = workspaces;
  }

  @Override
  public Future<RoomAccess> access(Actor actor, String meetingId) {
    // An anonymous visitor of a public group's meeting follows it and says nothing.
    return meetings.access(actor, meetingId).compose(a -> (a.group().isParticipant()
            ? Future.succeededFuture(true)
            : actor.signedIn() ? meetings.isRegistered(meetingId, actor.userId()) : Future.succeededFuture(false))
        .map(talks -> new RoomAccess(a.group().canRead(), talks, a.canRun())));
  }

  @Override
  public Future<List<String>> readers(Actor asking, String meetingId, List<String> userIds) {
    return meetings.access(asking, meetingId)
        .compose(a -> workspaces.members(asking, a.meeting().groupId()))
        .map(members -> {
          Set<String> ids = members.stream().map(Membership::userId).collect(Collectors.toSet());
          return userIds.stream().filter(ids::contains).toList();
        });
  }
}
