package org.rapporteur.initiative;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.rapporteur.initiative.TdagReport.InitiativePart;
import org.rapporteur.initiative.TdagReport.MoneyLine;
import org.rapporteur.initiative.TdagReport.ProjectLine;
import org.rapporteur.initiative.TdagReport.RegionPart;
import org.rapporteur.initiative.TdagReport.Totals;

/**
 * The report as a TDAG document: the committee, source and title, a box with the summary, the
 * action required, the references and the contact; an overview by region; then per region and
 * initiative the projects, the money, the results, the lessons, the forum and the consultations,
 * with a total per region. Arabic paragraphs and tables run right to left. Blocking: on a worker.
 */
final class TdagReportDocx {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private final ReportLabels.In l;
  private final String contact;
  private final int year;
  private final XWPFDocument doc = new XWPFDocument();
  /**
   * The body as WordprocessingML text, put into the package POI writes (styles and the rest): adding
   * thousands of rows one by one through POI's object model takes time that grows with their square.
   */
  private final StringBuilder body = new StringBuilder(1 << 20);

  private TdagReportDocx(ReportLabels.In labels, String contact, int year) {
    this.l = labels;
    this.contact = contact;
    this.year = year;
  }

  static byte[] write(TdagReport report, ReportLabels.In labels, String contact) {
    TdagReportDocx writer = new TdagReportDocx(labels, contact, report.year());
    try (XWPFDocument doc = writer.doc; ByteArrayOutputStream shell = new ByteArrayOutputStream()) {
      writer.styles();
      writer.header(report);
      writer.overview(report);
      report.regions().forEach(writer::region);
      doc.write(shell);
      return withBody(shell.toByteArray(), writer.body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package POI wrote (styles, relationships, content types), with our body as word/document.xml. */
  private static byte[] withBody(byte[] shell, CharSequence body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(shell.length + body.length());
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(shell));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W
              + "\"><w:body>" + body + "</w:body></w:document>").getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private void header(TdagReport report) {
    paragraph(l.get("committee"), true, null);
    paragraph(l.get("sourceLabel") + " " + l.get("source"), false, null);
    paragraph(l.get("titleLabel") + " " + l.format("documentTitle", "year", report.year()), true, "Title");
    table(List.of(), List.of(
        List.of(l.get("summaryLabel"), l.format("summary", "year", report.year(), "initiatives",
            report.initiativeCount(), "projects", report.projectCount())),
        List.of(l.get("actionLabel"), l.get("action")),
        List.of(l.get("referencesLabel"), l.get("references")),
        List.of(l.get("contactLabel"), contact)));
  }

  private void overview(TdagReport report) {
    paragraph(l.get("overview"), false, "Heading1");
    List<List<String>> rows = new ArrayList<>();
    for (RegionPart r : report.regions()) {
      rows.add(totalsRow(regionName(r), String.valueOf(r.initiatives().size()), String.valueOf(r.projectCount()),
          r.totals()));
    }
    rows.add(totalsRow(l.get("grandTotal"), String.valueOf(report.initiativeCount()),
        String.valueOf(report.projectCount()), report.total()));
    table(List.of(l.get("region"), l.get("initiatives"), l.get("projects"), l.get("cashUsd"), l.get("inKindUsd"),
        l.get("usedUsd")), rows);
  }

  private void region(RegionPart region) {
    paragraph(regionName(region), false, "Heading1");
    if (region.initiatives().isEmpty()) {
      paragraph(l.format("noProjects", "year", year), false, null);
    }
    region.initiatives().forEach(this::initiative);
    table(List.of("", l.get("cashUsd"), l.get("inKindUsd"), l.get("usedUsd")), List.of(List.of(
        l.format("regionTotal", "region", l.get("region." + region.region().wire())),
        l.money(region.totals().cashUsd()), l.money(region.totals().inKindUsd()),
        l.money(region.totals().usedUsd()))));
  }

  private void initiative(InitiativePart part) {
    RegionalInitiative i = part.initiative();
    paragraph(i.code() + " (" + i.cycle() + "): " + l.text(i.title()), false, "Heading2");
    paragraph(l.get("objective") + ": " + l.text(i.objective()), false, null);
    paragraph(l.get("projects"), false, "Heading3");
    List<List<String>> rows = new ArrayList<>();
    for (ProjectLine line : part.projects()) {
      Project p = line.project();
      rows.add(List.of(p.code(), l.text(p.title()), l.get("status." + p.status().wire()),
          line.partners().stream().map(x -> x.name() + " (" + l.get("role." + x.role().wire()) + ")")
              .collect(Collectors.joining("; ")),
          p.countries().stream().map(c -> c.code() + " " + l.number(c.share()) + "%").collect(Collectors.joining(", ")),
          l.money(line.totals().cashUsd()), l.money(line.totals().inKindUsd()), l.money(line.totals().usedUsd())));
    }
    if (rows.isEmpty()) {
      paragraph(l.format("noProjects", "year", year), false, null);
      return;
    }
    rows.add(List.of("", "", "", "", "", l.money(part.totals().cashUsd()), l.money(part.totals().inKindUsd()),
        l.money(part.totals().usedUsd())));
    table(List.of(l.get("code"), l.get("project"), l.get("status"), l.get("partners"), l.get("countries"),
        l.get("cashUsd"), l.get("inKindUsd"), l.get("usedUsd")), rows);
    money(part);
    results(part);
    lessons(part);
    forumAndConsultations(part);
  }

  private void money(InitiativePart part) {
    List<List<String>> rows = new ArrayList<>();
    for (ProjectLine line : part.projects()) {
      for (MoneyLine m : line.received()) {
        rows.add(List.of(line.project().code(), m.partner(), l.get("kind." + m.kind().wire()),
            l.money(m.amount()) + " " + m.currency(), String.valueOf(m.date()), usd(m)));
      }
      for (MoneyLine m : line.used()) {
        rows.add(List.of(line.project().code(), "", l.get("expenditure"), l.money(m.amount()) + " " + m.currency(),
            "", usd(m)));
      }
    }
    if (!rows.isEmpty()) {
      paragraph(l.get("money"), false, "Heading3");
      table(List.of(l.get("code"), l.get("partner"), l.get("kind"), l.get("amount"), l.get("date"), l.get("usd")), rows);
    }
  }

  private void results(InitiativePart part) {
    List<List<String>> rows = new ArrayList<>();
    for (ProjectLine line : part.projects()) {
      for (TdagReport.IndicatorLine i : line.indicators()) {
        rows.add(List.of(line.project().code(), l.text(i.name()), l.number(i.baseline()) + " (" + i.baselineYear() + ")",
            l.number(i.target()), i.actual() == null ? "–" : l.number(i.actual()), l.get(i.reached() ? "yes" : "no")));
      }
    }
    if (!rows.isEmpty()) {
      paragraph(l.get("results"), false, "Heading3");
      table(List.of(l.get("code"), l.get("indicator"), l.get("baseline"), l.get("target"),
          l.format("actual", "year", year), l.get("reached")), rows);
    }
  }

  private void lessons(InitiativePart part) {
    boolean any = part.projects().stream().anyMatch(line -> !line.lessons().isEmpty());
    if (!any) {
      return;
    }
    paragraph(l.get("lessons"), false, "Heading3");
    for (ProjectLine line : part.projects()) {
      for (ProjectParts.Lesson lesson : line.lessons()) {
        paragraph(line.project().code() + (lesson.authorCountry() == null ? "" : " (" + lesson.authorCountry() + ")"),
            true, null);
        lessonPart("worked", lesson.worked());
        lessonPart("didNotWork", lesson.didNotWork());
        lessonPart("toReplicate", lesson.toReplicate());
      }
    }
  }

  private void lessonPart(String key, Text text) {
    if (text != null) {
      paragraph(l.get(key) + ": " + l.text(text), false, null);
    }
  }

  private void forumAndConsultations(InitiativePart part) {
    paragraph(l.get("forum"), false, "Heading3");
    if (part.forum().isEmpty()) {
      paragraph(l.format("noForum", "year", year), false, null);
    }
    part.forum().forEach(f -> paragraph(f.meetingTitle() + " (" + f.meetingStart().toString().substring(0, 10) + "): "
        + (f.outcome() == null ? "" : f.outcome().replace('\n', ' ')), false, null));
    paragraph(l.get("consultations"), false, "Heading3");
    if (part.consultations().isEmpty()) {
      paragraph(l.format("noConsultation", "year", year), false, null);
    }
    part.consultations().forEach(c -> paragraph(l.text(c.question()) + " — " + l.format("consultationLine",
        "answers", c.answers(), "countries", c.countries(), "priorities", String.join("; ", c.priorities())),
        false, null));
  }

  private List<String> totalsRow(String name, String initiatives, String projects, Totals t) {
    return List.of(name, initiatives, projects, l.money(t.cashUsd()), l.money(t.inKindUsd()), l.money(t.usedUsd()));
  }

  private String regionName(RegionPart r) {
    return l.get("region." + r.region().wire()) + " (" + r.region().wire() + ")";
  }

  private String usd(MoneyLine m) {
    return m.usd() == null ? l.get("noRate") : l.money(m.usd());
  }

  private void paragraph(String text, boolean bold, String style) {
    body.append("<w:p>");
    properties(style);
    run(text, bold);
    body.append("</w:p>");
  }

  private void table(List<String> header, List<List<String>> rows) {
    int columns = header.isEmpty() ? rows.get(0).size() : header.size();
    body.append("<w:tbl><w:tblPr>").append(l.rightToLeft() ? "<w:bidiVisual/>" : "")
        .append("<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
    for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
      body.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>");
    }
    body.append("</w:tblBorders></w:tblPr><w:tblGrid>");
    for (int c = 0; c < columns; c++) {
      body.append("<w:gridCol w:w=\"").append(9000 / columns).append("\"/>");
    }
    body.append("</w:tblGrid>");
    if (!header.isEmpty()) {
      row(header, true);
    }
    rows.forEach(row -> row(row, false));
    body.append("</w:tbl>");
  }

  private void row(List<String> cells, boolean bold) {
    body.append("<w:tr>");
    for (String cell : cells) {
      body.append("<w:tc><w:p>");
      properties(null);
      run(cell, bold);
      body.append("</w:p></w:tc>");
    }
    body.append("</w:tr>");
  }

  private void properties(String style) {
    if (style != null || l.rightToLeft()) {
      body.append("<w:pPr>");
      if (style != null) {
        body.append("<w:pStyle w:val=\"").append(style).append("\"/>");
      }
      body.append(l.rightToLeft() ? "<w:bidi/>" : "").append("</w:pPr>");
    }
  }

  private void run(String text, boolean bold) {
    body.append("<w:r>");
    if (bold || l.rightToLeft()) {
      body.append("<w:rPr>").append(bold ? "<w:b/>" : "").append(l.rightToLeft() ? "<w:rtl/>" : "").append("</w:rPr>");
    }
    body.append("<w:t xml:space=\"preserve\">").append(escape(text)).append("</w:t></w:r>");
  }

  /** XML text: markup escaped, line breaks as spaces, characters XML 1.0 cannot carry left out. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Title and three heading levels, so that Word's navigation pane and table of contents see the structure. */
  private void styles() {
    XWPFStyles styles = doc.createStyles();
    style(styles, "Title", "Title", 16, null);
    style(styles, "Heading1", "heading 1", 14, 0);
    style(styles, "Heading2", "heading 2", 12, 1);
    style(styles, "Heading3", "heading 3", 11, 2);
  }

  private static void style(XWPFStyles styles, String id, String name, int points, Integer outline) {
    CTStyle ct = CTStyle.Factory.newInstance();
    ct.setStyleId(id);
    ct.addNewName().setVal(name);
    ct.setType(STStyleType.PARAGRAPH);
    ct.addNewQFormat();
    if (outline != null) {
      ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    }
    var rpr = ct.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(points * 2L));
    styles.addStyle(new XWPFStyle(ct, styles));
  }
}
