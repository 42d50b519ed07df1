package org.rapporteur.meeting;

import org.rapporteur.workspace.GroupAccess;

/** A meeting and what the actor may do in its group: chairs, vice-chairs and the secretariat run it. */
public record MeetingAccess(Meeting meeting, GroupAccess group) {
  public boolean canRun() {
    return group.canManage();
  }
}
