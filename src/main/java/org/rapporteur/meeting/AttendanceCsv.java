package org.rapporteur.meeting;

import static org.rapporteur.platform.csv.Csv.cell;

import java.util.List;
import org.rapporteur.platform.csv.Csv;

/** The attendance record as CSV (RFC 4180), safe to open in a spreadsheet. */
final class AttendanceCsv {
  static final String HEADER = "name,country,affiliation,registered_as,attended,attended_as,attended_at_utc";

  private AttendanceCsv() {}

  static String of(List<Participant> participants) {
    StringBuilder out = new StringBuilder(Csv.start(HEADER));
    for (Participant p : participants) {
      out.append(Csv.line(
          cell(p.name()), cell(p.country()), cell(p.affiliation()), cell(p.mode().wire()),
          p.attendedAt() == null ? "no" : "yes",
          cell(p.attendedMode() == null ? "" : p.attendedMode().wire()),
          cell(p.attendedAt() == null ? "" : p.attendedAt().toString())));
    }
    return out.toString();
  }
}
