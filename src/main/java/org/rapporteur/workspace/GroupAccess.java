package org.rapporteur.workspace;

import org.rapporteur.platform.security.Actor;

/**
 * What one actor may do in one group. Other features ask the workspace service for this before
 * they act in a group, so the rules of who reads and who manages live in one place.
 */
public record GroupAccess(Group group, Actor actor, GroupRole role) {

  public boolean canRead() {
    return group.isPublic() || role != null || actor.isStaff();
  }

  /** Members and staff read restricted content and take part (chat, uploads). */
  public boolean isParticipant() {
    return actor.signedIn() && (role != null && role != GroupRole.OBSERVER || actor.isStaff());
  }

  public boolean canManage() {
    return actor.isStaff() || role != null && role.manages();
  }

  public boolean leadsWork() {
    return actor.isStaff() || role != null && role.leadsWork();
  }
}
