package org.rapporteur.meeting;

import java.time.Instant;
import java.time.ZoneId;
import org.rapporteur.platform.json.JsonInput;

/** A meeting as a chair or the secretariat schedules it. */
public record MeetingDraft(String title, MeetingKind kind, Instant start, Instant end, ZoneId zone, String venue,
    String remoteInstructions, Instant contributionDeadline) {

  public static MeetingDraft from(JsonInput in) {
    String title = in.requiredString("title", 300);
    MeetingKind kind = in.requiredChoice("kind", MeetingKind.class);
    ZoneId zone = MeetingSchedule.zone(in, "timeZone", true);
    Instant start = MeetingSchedule.time(in, "start", zone, true);
    Instant end = MeetingSchedule.time(in, "end", zone, true);
    String venue = in.optionalString("venue", 300);
    String remote = in.optionalString("remoteInstructions", 5000);
    Instant deadline = MeetingSchedule.time(in, "contributionDeadline", zone, false);
    MeetingSchedule.check(in, start, end, deadline);
    if (kind != null && kind != MeetingKind.IN_PERSON && remote == null) {
      in.fail("remoteInstructions", "are required for virtual and hybrid meetings");
    }
    in.done();
    return new MeetingDraft(title, kind, start, end, zone, venue, remote, deadline);
  }
}
