package org.rapporteur.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * VTIMEZONE components from the JDK's time-zone rules. Each offset change between the first and
 * the last time used is written as its own observance, so a calendar that knows nothing of IANA
 * names still places the local times right; the offset in force before them opens the list.
 */
final class TimeZones {
  private TimeZones() {}

  static void write(ICalendar ics, ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    ics.begin("VTIMEZONE").raw("TZID", zone.getId());
    Instant windowStart = from.minusSeconds(366L * 24 * 3600);
    ZoneOffsetTransition previous = rules.previousTransition(windowStart);
    ZoneOffset opening = rules.getOffset(windowStart);
    LocalDateTime openingStart = previous == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : previous.getDateTimeBefore();
    observance(ics, rules.isDaylightSavings(windowStart), openingStart,
        previous == null ? opening : previous.getOffsetBefore(), opening);
    ZoneOffsetTransition next = rules.nextTransition(windowStart);
    while (next != null && !next.getInstant().isAfter(to)) {
      observance(ics, rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(), next.getOffsetBefore(),
          next.getOffsetAfter());
      next = rules.nextTransition(next.getInstant());
    }
    ics.end("VTIMEZONE");
  }

  private static void observance(ICalendar ics, boolean daylight, LocalDateTime start, ZoneOffset before,
      ZoneOffset after) {
    String kind = daylight ? "DAYLIGHT" : "STANDARD";
    ics.begin(kind)
        .raw("DTSTART", ICalendar.local(start))
        .raw("TZOFFSETFROM", ICalendar.offset(before))
        .raw("TZOFFSETTO", ICalendar.offset(after))
        .end(kind);
  }
}
