package org.rapporteur.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.meeting.Meeting;

/** An iCalendar document of meetings (in their own time zones) and reply deadlines. */
final class CalendarDocument {
  /** The one phrase a calendar shows that is not the platform's data: a deadline's summary. */
  private static final Map<String, String> REPLY_DUE = Map.of(
      "ar", "موعد الرد", "zh", "答复截止", "en", "Reply due", "fr", "Réponse attendue",
      "ru", "Срок ответа", "es", "Respuesta esperada");

  /** A statement's reply deadline for the groups named. */
  record Deadline(String liaisonId, String number, String title, Instant due, List<String> groupCodes) {}

  /** A meeting and the code of its group. */
  record Event(Meeting meeting, String groupCode) {}

  private CalendarDocument() {}

  static String write(String name, List<Event> events, List<Deadline> deadlines, String origin, String language,
      Instant now) {
    ICalendar ics = new ICalendar().begin("VCALENDAR")
        .raw("VERSION", "2.0")
        .raw("PRODID", "-//Rapporteur//Rapporteur//EN")
        .raw("CALSCALE", "GREGORIAN")
        .raw("METHOD", "PUBLISH");
    ics.text("X-WR-CALNAME", name);
    timeZones(ics, events);
    for (Event event : events) {
      meeting(ics, event, origin, now);
    }
    String replyDue = language == null ? REPLY_DUE.get("en") : REPLY_DUE.getOrDefault(language, REPLY_DUE.get("en"));
    for (Deadline deadline : deadlines) {
      deadline(ics, deadline, replyDue, origin, now);
    }
    return ics.end("VCALENDAR").toString();
  }

  /** One VTIMEZONE per zone used, covering the times used in it. */
  private static void timeZones(ICalendar ics, List<Event> events) {
    Map<String, Instant[]> spans = new LinkedHashMap<>();
    for (Event event : events) {
      Meeting m = event.meeting();
      spans.merge(m.timeZone(), new Instant[] {m.start(), m.end()}, (a, b) -> new Instant[] {
          a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    spans.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> TimeZones.write(ics, ZoneId.of(e.getKey()), e.getValue()[0], e.getValue()[1]));
  }

  private static void meeting(ICalendar ics, Event event, String origin, Instant now) {
    Meeting m = event.meeting();
    ZoneId zone = ZoneId.of(m.timeZone());
    String url = origin + "/#/meetings/" + m.id();
    ics.begin("VEVENT")
        .raw("UID", "meeting-" + m.id() + "@rapporteur")
        .raw("DTSTAMP", ICalendar.utc(now))
        .raw("DTSTART;TZID=" + zone.getId(), ICalendar.local(m.start().atZone(zone).toLocalDateTime()))
        .raw("DTEND;TZID=" + zone.getId(), ICalendar.local(m.end().atZone(zone).toLocalDateTime()))
        .text("SUMMARY", m.title())
        .text("LOCATION", m.venue())
        .text("DESCRIPTION", (m.remoteInstructions() == null ? "" : m.remoteInstructions() + "\n") + url)
        .text("CATEGORIES", event.groupCode())
        .raw("URL", url)
        .end("VEVENT");
  }

  private static void deadline(ICalendar ics, Deadline d, String replyDue, String origin, Instant now) {
    ics.begin("VEVENT")
        .raw("UID", "liaison-" + d.liaisonId() + "-deadline@rapporteur")
        .raw("DTSTAMP", ICalendar.utc(now))
        .raw("DTSTART", ICalendar.utc(d.due()))
        .text("SUMMARY", replyDue + ": " + d.number() + " " + d.title())
        .raw("CATEGORIES", String.join(",", d.groupCodes().stream().map(ICalendar::escape).toList()))
        .raw("URL", origin + "/#/liaisons/" + d.liaisonId())
        .raw("TRANSP", "TRANSPARENT")
        .end("VEVENT");
  }

  static Comparator<Event> byStart() {
    return Comparator.comparing(e -> e.meeting().start());
  }
}
