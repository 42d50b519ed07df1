package org.rapporteur.meeting;

import java.util.List;

/** The attendance record as CSV (RFC 4180), safe to open in a spreadsheet. */
final class AttendanceCsv {
  static final String HEADER = "name,country,affiliation,registered_as,attended,attended_as,attended_at_utc";

  private AttendanceCsv() {}

  static String of(List<Participant> participants) {
    StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (Participant p : participants) {
      out.append(String.join(",",
          cell(p.name()), cell(p.country()), cell(p.affiliation()), cell(p.mode().wire()),
          p.attendedAt() == null ? "no" : "yes",
          cell(p.attendedMode() == null ? "" : p.attendedMode().wire()),
          cell(p.attendedAt() == null ? "" : p.attendedAt().toString()))).append("\r\n");
    }
    return out.toString();
  }

  /** Quotes every cell, and defuses text a spreadsheet would run as a formula. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
