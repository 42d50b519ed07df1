package org.rapporteur.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, and TEXT values escaped. Property names and parameters are the caller's constants.
 */
final class ICalendar {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final int MAX_OCTETS = 75;

  private final StringBuilder out = new StringBuilder();

  ICalendar begin(String component) {
    return line("BEGIN:" + component);
  }

  ICalendar end(String component) {
    return line("END:" + component);
  }

  /** A property whose value is written as it is (dates, codes, URIs). */
  ICalendar raw(String nameAndParams, String value) {
    return line(nameAndParams + ":" + value);
  }

  /** A TEXT property, escaped; nothing is written for a null or blank value. */
  ICalendar text(String name, String value) {
    return value == null || value.isBlank() ? this : line(name + ":" + escape(value));
  }

  static String utc(Instant instant) {
    return LOCAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
  }

  static String local(LocalDateTime time) {
    return LOCAL.format(time);
  }

  static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    int abs = Math.abs(seconds);
    String hhmm = String.format("%02d%02d", abs / 3600, abs / 60 % 60);
    return (seconds < 0 ? "-" : "+") + hhmm + (abs % 60 == 0 ? "" : String.format("%02d", abs % 60));
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  private ICalendar line(String content) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        // A continuation line starts with one space, which counts towards its 75 octets.
        out.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
