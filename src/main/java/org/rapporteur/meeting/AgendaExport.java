package org.rapporteur.meeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.rapporteur.platform.i18n.Labels;

/**
 * The agenda with its document allocations, as a Word document and as printable HTML, in the
 * reader's language: labels, treatments and dates from {@code i18n/agenda_xx.json} and the JDK's
 * locale data; what people wrote (titles, names, notes) as they wrote it.
 */
final class AgendaExport {
  static final List<String> COLUMNS = List.of("col.number", "col.item", "col.documents", "col.presenter", "col.minutes");

  private AgendaExport() {}

  record Row(String number, String title, String documents, String presenter, String minutes, int depth) {}

  static List<Row> rows(Agenda agenda, Labels.In l) {
    List<Row> rows = new ArrayList<>();
    agenda.numbered().forEach((id, numbered) -> {
      AgendaItem item = numbered.item();
      List<String> lines = new ArrayList<>();
      item.allocations().forEach(a -> lines.add((a.number() == null ? a.contributionId() : a.number()) + " "
          + nullToEmpty(a.title()) + " — " + l.get("treatment." + a.status().wire())));
      if (item.notes() != null) {
        lines.add(l.format("outcome", "notes", item.notes()));
      }
      rows.add(new Row(numbered.number(), item.title(), String.join("\n", lines), nullToEmpty(item.presenter()),
          item.plannedMinutes() == null ? "" : item.plannedMinutes().toString(),
          numbered.number().split("\\.").length - 1));
    });
    return rows;
  }

  /** When and where, in the meeting's time zone, with month names in the reader's language. */
  static String dates(Meeting meeting, Labels.In l) {
    ZoneId zone = ZoneId.of(meeting.timeZone());
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag(l.lang()));
    return l.format("dates", "start", when.format(meeting.start().atZone(zone)),
        "end", when.format(meeting.end().atZone(zone)), "zone", meeting.timeZone());
  }

  static String state(Meeting meeting, Agenda agenda, Labels.In l) {
    String state = l.format("state", "status", l.get("status." + agenda.status().wire()), "version", agenda.version());
    return meeting.venue() == null ? state : state + " · " + l.format("venue", "venue", meeting.venue());
  }

  /** Blocking (POI): call on a worker. */
  static byte[] docx(Meeting meeting, Agenda agenda, Labels.In l) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = paragraph(doc, l);
      title.setStyle("Title");
      var run = run(title, l);
      run.setBold(true);
      run.setFontSize(16);
      run.setText(l.format("heading", "meeting", meeting.title()));
      run(paragraph(doc, l), l).setText(dates(meeting, l));
      run(paragraph(doc, l), l).setText(state(meeting, agenda, l));
      List<Row> rows = rows(agenda, l);
      XWPFTable table = doc.createTable(rows.size() + 1, COLUMNS.size());
      if (l.rightToLeft()) {
        table.getCTTbl().getTblPr().addNewBidiVisual();
      }
      fill(table.getRow(0), COLUMNS.stream().map(l::get).toList(), l);
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        fill(table.getRow(i + 1), List.of(row.number(), row.title(), row.documents(), row.presenter(), row.minutes()), l);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, Labels.In l) {
    XWPFParagraph paragraph = doc.createParagraph();
    rightToLeft(paragraph, l);
    return paragraph;
  }

  /** Word lays a paragraph right to left only when both the paragraph and its runs say so. */
  private static void rightToLeft(XWPFParagraph paragraph, Labels.In l) {
    if (l.rightToLeft()) {
      var properties = paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
      properties.addNewBidi();
    }
  }

  private static XWPFRun run(XWPFParagraph paragraph, Labels.In l) {
    XWPFRun run = paragraph.createRun();
    if (l.rightToLeft()) {
      run.getCTR().addNewRPr().addNewRtl();
    }
    return run;
  }

  private static void fill(XWPFTableRow row, List<String> cells, Labels.In l) {
    for (int c = 0; c < cells.size(); c++) {
      var cell = row.getCell(c);
      String[] lines = cells.get(c).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
        rightToLeft(paragraph, l);
        run(paragraph, l).setText(lines[i]);
      }
    }
  }

  static String html(Meeting meeting, Agenda agenda, Labels.In l) {
    StringBuilder out = new StringBuilder(4096)
        .append("<!doctype html><html lang=\"").append(l.lang()).append("\" dir=\"").append(l.rightToLeft() ? "rtl" : "ltr")
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(l.format("title", "meeting", meeting.title())))
        .append("</title><link rel=\"stylesheet\" href=\"/app/print.css\"></head><body><main><h1>")
        .append(escape(l.get("heading")).replace("{meeting}", "<bdi>" + escape(meeting.title()) + "</bdi>"))
        .append("</h1><p>")
        .append(escape(dates(meeting, l))).append("</p><p>").append(escape(state(meeting, agenda, l)))
        .append("</p><table><thead><tr>");
    COLUMNS.forEach(c -> out.append("<th scope=\"col\">").append(escape(l.get(c))).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (Row row : rows(agenda, l)) {
      out.append("<tr class=\"depth-").append(row.depth()).append("\"><td>").append(escape(row.number()))
          .append("</td><td dir=\"auto\">").append(escape(row.title()))
          .append("</td><td>").append(lines(row.documents()))
          .append("</td><td dir=\"auto\">").append(escape(row.presenter()))
          .append("</td><td>").append(escape(row.minutes())).append("</td></tr>");
    }
    return out.append("</tbody></table></main></body></html>").toString();
  }

  /** Each line isolated, so a Latin document number keeps its place in an Arabic line and the reverse. */
  private static String lines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        out.append(out.length() == 0 ? "" : "<br>").append("<bdi>").append(escape(line)).append("</bdi>");
      }
    }
    return out.toString();
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
