package org.rapporteur.meeting;

import java.time.Instant;
import java.time.ZoneId;
import org.rapporteur.platform.json.JsonInput;

/** Applies a partial change to a meeting; local times are read in the (possibly new) time zone. */
final class MeetingChanges {
  private MeetingChanges() {}

  static Meeting apply(Meeting current, JsonInput in) {
    ZoneId newZone = MeetingSchedule.zone(in, "timeZone", false);
    ZoneId zone = newZone != null ? newZone : ZoneId.of(current.timeZone());
    String title = in.optionalString("title", 300);
    MeetingKind kind = in.optionalChoice("kind", MeetingKind.class);
    Instant start = MeetingSchedule.time(in, "start", zone, false);
    Instant end = MeetingSchedule.time(in, "end", zone, false);
    String venue = in.optionalString("venue", 300);
    String remote = in.optionalString("remoteInstructions", 5000);
    Instant deadline = MeetingSchedule.time(in, "contributionDeadline", zone, false);
    Meeting changed = new Meeting(current.id(), current.groupId(),
        title != null ? title : current.title(),
        kind != null ? kind : current.kind(),
        start != null ? start : current.start(),
        end != null ? end : current.end(),
        zone.getId(),
        in.has("venue") ? venue : current.venue(),
        in.has("remoteInstructions") ? remote : current.remoteInstructions(),
        in.has("contributionDeadline") ? deadline : current.contributionDeadline(),
        current.createdAt(), current.cancellation());
    MeetingSchedule.check(in, changed.start(), changed.end(), changed.contributionDeadline());
    in.done();
    return changed;
  }
}
