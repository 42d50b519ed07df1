package org.rapporteur.initiative;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupRole;
import org.rapporteur.workspace.Membership;
import org.rapporteur.workspace.Region;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Recognises a Member State delegate of a region: a signed-in person who is a member (in any role
 * but observer) of a group of that region, e.g. SG3RG-AFR for Africa, with a country on their
 * membership. The platform has no Member State register of its own; membership of the region's
 * groups is what the secretariat already manages.
 */
final class Delegates {
  private final WorkspaceService workspaces;

  Delegates(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  /** The person's membership that makes them a delegate of {@code region}, if any. */
  Future<Optional<Membership>> of(Actor actor, Region region) {
    if (!actor.signedIn()) {
      return Future.succeededFuture(Optional.empty());
    }
    return workspaces.allGroups().compose(groups -> {
      List<Group> regional = groups.stream().filter(g -> g.region() == region).toList();
      List<Future<List<Membership>>> members = regional.stream().map(g -> workspaces.membersOf(g.id())).toList();
      return Future.all(members).map(all -> members.stream().flatMap(f -> f.result().stream())
          .filter(m -> actor.userId().equals(m.userId()) && m.role() != GroupRole.OBSERVER)
          .filter(m -> m.country() != null && !m.country().isBlank())
          .findFirst());
    });
  }
}
