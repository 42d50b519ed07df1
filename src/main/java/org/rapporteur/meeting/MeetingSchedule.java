package org.rapporteur.meeting;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.rapporteur.platform.json.JsonInput;

/** Reads meeting times: local date-times in an IANA time zone (or instants with an offset). */
final class MeetingSchedule {
  static final Duration LONGEST_MEETING = Duration.ofDays(31);

  private MeetingSchedule() {}

  static ZoneId zone(JsonInput in, String field, boolean required) {
    String name = required ? in.requiredString(field, 64) : in.optionalString(field, 64);
    if (name == null) {
      return null;
    }
    if (!ZoneId.getAvailableZoneIds().contains(name)) {
      in.fail(field, "must be an IANA time zone such as Africa/Dakar or America/Sao_Paulo");
      return null;
    }
    return ZoneId.of(name);
  }

  /** A time in the zone; null (with the problem recorded) when it cannot be read. */
  static Instant time(JsonInput in, String field, ZoneId zone, boolean required) {
    String value = required ? in.requiredString(field, 40) : in.optionalString(field, 40);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return zone == null ? null : LocalDateTime.parse(value).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        in.fail(field, "must be a date and time such as 2026-12-01T09:30");
        return null;
      }
    }
  }

  /** Checks start, end and deadline together, naming the field at fault. */
  static void check(JsonInput in, Instant start, Instant end, Instant deadline) {
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        in.fail("end", "must be after start");
      } else if (Duration.between(start, end).compareTo(LONGEST_MEETING) > 0) {
        in.fail("end", "a meeting lasts at most 31 days");
      }
    }
    if (deadline != null && end != null && deadline.isAfter(end)) {
      in.fail("contributionDeadline", "must be before the end of the meeting");
    }
  }
}
