package org.rapporteur.meeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** The agenda with its document allocations, as a Word document and as printable HTML. */
final class AgendaExport {
  static final List<String> COLUMNS = List.of("No.", "Agenda item", "Documents and outcome", "Presenter", "Minutes");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm");

  private AgendaExport() {}

  record Row(String number, String title, String documents, String presenter, String minutes, int depth) {}

  static List<Row> rows(Agenda agenda) {
    List<Row> rows = new ArrayList<>();
    agenda.numbered().forEach((id, numbered) -> {
      AgendaItem item = numbered.item();
      String documents = item.allocations().stream()
          .map(a -> (a.number() == null ? a.contributionId() : a.number()) + " " + nullToEmpty(a.title())
              + " — " + a.status().wire())
          .collect(Collectors.joining("\n"));
      if (item.notes() != null) {
        documents = documents.isEmpty() ? "Outcome: " + item.notes() : documents + "\nOutcome: " + item.notes();
      }
      rows.add(new Row(numbered.number(), item.title(), documents, nullToEmpty(item.presenter()),
          item.plannedMinutes() == null ? "" : item.plannedMinutes().toString(),
          numbered.number().split("\\.").length - 1));
    });
    return rows;
  }

  static String heading(Meeting meeting) {
    ZoneId zone = ZoneId.of(meeting.timeZone());
    return meeting.title() + " — " + WHEN.format(meeting.start().atZone(zone)) + " to "
        + WHEN.format(meeting.end().atZone(zone)) + " (" + meeting.timeZone() + ")";
  }

  /** Blocking (POI): call on a worker. */
  static byte[] docx(Meeting meeting, Agenda agenda) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = doc.createParagraph();
      title.setStyle("Title");
      var run = title.createRun();
      run.setBold(true);
      run.setFontSize(16);
      run.setText("Agenda: " + heading(meeting));
      doc.createParagraph().createRun().setText("Status: " + agenda.status().wire() + ", version " + agenda.version()
          + (meeting.venue() == null ? "" : ". Venue: " + meeting.venue()));
      List<Row> rows = rows(agenda);
      XWPFTable table = doc.createTable(rows.size() + 1, COLUMNS.size());
      fill(table.getRow(0), COLUMNS);
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        fill(table.getRow(i + 1), List.of(row.number(), row.title(), row.documents(), row.presenter(), row.minutes()));
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(XWPFTableRow row, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      var cell = row.getCell(c);
      String[] lines = cells.get(c).split("\n", -1);
      cell.setText(lines[0]);
      for (int l = 1; l < lines.length; l++) {
        cell.addParagraph().createRun().setText(lines[l]);
      }
    }
  }

  static String html(Meeting meeting, Agenda agenda) {
    StringBuilder out = new StringBuilder(4096)
        .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Agenda — ")
        .append(escape(meeting.title()))
        .append("</title><link rel=\"stylesheet\" href=\"/app/print.css\"></head><body><h1>Agenda: ")
        .append(escape(heading(meeting))).append("</h1><p>Status: ").append(agenda.status().wire())
        .append(", version ").append(agenda.version()).append("</p><table><thead><tr>");
    COLUMNS.forEach(c -> out.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (Row row : rows(agenda)) {
      out.append("<tr class=\"depth-").append(row.depth()).append("\"><td>").append(escape(row.number()))
          .append("</td><td dir=\"auto\">").append(escape(row.title()))
          .append("</td><td dir=\"auto\">").append(escape(row.documents()).replace("\n", "<br>"))
          .append("</td><td dir=\"auto\">").append(escape(row.presenter()))
          .append("</td><td>").append(escape(row.minutes())).append("</td></tr>");
    }
    return out.append("</tbody></table></body></html>").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
