package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ServerTest;

/**
 * The yearly TDAG report: who gets it, what it refuses, and that its sums (Word and CSV) are the
 * test's own money converted at the rates the test set (March 2026: 0.92 EUR, 603.5 XOF, 0.88 CHF
 * per US dollar).
 */
class TdagReportTest extends ServerTest {
  static final double EUR = 0.92;
  static final double XOF = 603.5;
  static final double CHF = 0.88;

  InitiativeFixture fx;

  // published: 50,000 EUR cash. Unpublished: 603,500 XOF in kind, 8,800 CHF cash, 9,200 EUR spent in 2026.
  final double cashUsd = 50_000 / EUR + 8_800 / CHF;
  final double inKindUsd = 603_500 / XOF;
  final double usedUsd = 9_200 / EUR;

  @BeforeEach
  void start() {
    fx = new InitiativeFixture(server);
    InitiativeFixture.ok(fx.secretariat.put("/api/exchange-rates/2025-12", new JsonObject().put("rates",
        new JsonObject().put("EUR", 0.95))), 200);
    fx.createProject(fx.project("9RAF10084-04"));
    fx.createProject(unpublished());
  }

  JsonObject unpublished() {
    return fx.project("9RAF10085-01").put("published", false).put("title", "Regional spectrum training centre")
        .put("partners", new JsonArray().add(new JsonObject().put("partnerId", fx.atu).put("role", "funding")
            .put("contributions", new JsonArray()
                .add(new JsonObject().put("kind", "in-kind").put("amount", 603_500).put("currency", "XOF")
                    .put("date", "2026-03-02"))
                .add(new JsonObject().put("kind", "cash").put("amount", 8_800).put("currency", "CHF")
                    .put("date", "2026-03-20")))))
        .put("expenditure", new JsonArray().add(new JsonObject().put("year", 2026).put("amount", 9_200)
            .put("currency", "EUR")).add(new JsonObject().put("year", 2025).put("amount", 1_000_000)
            .put("currency", "EUR")));
  }

  @Test
  void onlyAdminsAndTheSecretariatGetTheReportAndTheyAreCheckedBeforeTheParameters() {
    for (String path : List.of("/api/reports/tdag.docx?year=2026", "/api/reports/tdag.csv?year=2026",
        "/api/reports/tdag.docx?year=nonsense")) {
      assertProblem(fx.anonymous.get(path), 401);
      assertProblem(fx.outsider.get(path), 403);
      assertProblem(fx.manager.get(path), 403);
      assertProblem(fx.delegate.get(path), 403);
    }
    for (ApiClient staff : List.of(fx.secretariat, fx.admin)) {
      HttpResponse<Buffer> docx = staff.get("/api/reports/tdag.docx?year=2026");
      assertThat(docx.statusCode()).as(docx.bodyAsString()).isEqualTo(200);
      assertThat(docx.getHeader("Content-Type")).isEqualTo(ReportRoutes.DOCX);
      HttpResponse<Buffer> csv = staff.get("/api/reports/tdag.csv?year=2026");
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    }
  }

  @Test
  void badYearRegionOrLanguageIsRefusedNamingTheParameter() {
    assertFieldProblem(fx.secretariat.get("/api/reports/tdag.docx?year=20x6"), 400, "year");
    assertFieldProblem(fx.secretariat.get("/api/reports/tdag.docx?year=1200"), 400, "year");
    assertFieldProblem(fx.secretariat.get("/api/reports/tdag.csv?year=3000"), 400, "year");
    assertFieldProblem(fx.secretariat.get("/api/reports/tdag.docx?region=AFRICA"), 400, "region");
    assertFieldProblem(fx.secretariat.get("/api/reports/tdag.csv?region=XYZ"), 400, "region");
    assertFieldProblem(fx.secretariat.get("/api/reports/tdag.docx?lang=de"), 400, "lang");
  }

  @Test
  void theCsvHasALinePerProjectWithUsdSumsAndTheOriginalAmounts() {
    HttpResponse<Buffer> response = fx.secretariat.get("/api/reports/tdag.csv?year=2026&region=AFR");
    List<List<String>> rows = parseCsv(response.bodyAsString(StandardCharsets.UTF_8.name()));
    assertThat(rows.get(0)).isEqualTo(List.of(TdagReportCsv.HEADER.split(",")));
    List<Map<String, String>> lines = records(rows);
    assertThat(lines).extracting(l -> l.get("project_code")).containsExactly("9RAF10084-04", "9RAF10085-01");
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.get("region")).isEqualTo("AFR");
      assertThat(l.get("initiative_code")).isEqualTo("AFR1");
      assertThat(l.get("year")).isEqualTo("2026");
    });
    Map<String, String> published = lines.get(0);
    assertThat(Double.parseDouble(published.get("cash_usd"))).isCloseTo(50_000 / EUR, within(0.01));
    assertThat(published.get("cash_original")).isEqualTo("50000.00 EUR 2026-03-15 African Telecommunications Union");
    assertThat(published.get("partners")).isEqualTo("African Telecommunications Union (implementing)");
    assertThat(published.get("countries")).isEqualTo("SN 60.00; CI 40.00");
    assertThat(published.get("indicators_reached")).isEqualTo("0");
    Map<String, String> hidden = lines.get(1);
    assertThat(hidden.get("in_kind_original")).isEqualTo("603500.00 XOF 2026-03-02 African Telecommunications Union");
    assertThat(hidden.get("used_original")).as("2025's spending is not 2026's").isEqualTo("9200.00 EUR");
    assertThat(sum(lines, "cash_usd")).isCloseTo(cashUsd, within(0.02));
    assertThat(sum(lines, "in_kind_usd")).isCloseTo(inKindUsd, within(0.02));
    assertThat(sum(lines, "used_usd")).isCloseTo(usedUsd, within(0.02));
    assertThat(fx.secretariat.get("/api/reports/tdag.csv?year=2026&region=ARB").bodyAsString().split("\r\n"))
        .as("ARB has an initiative but no project").hasSize(1);
  }

  @Test
  void theWordDocumentHasRegionHeadingsInTheLanguageAskedAndTotalsThatMatchTheData() throws Exception {
    Map<String, String> africa = Map.of("en", "Africa (AFR)", "fr", "Afrique (AFR)", "ar", "أفريقيا (AFR)",
        "zh", "非洲 (AFR)", "ru", "Африка (AFR)", "es", "África (AFR)");
    Map<String, String> total = Map.of("en", "Total for Africa", "fr", "Total pour la région Afrique",
        "ar", "المجموع لإقليم أفريقيا");
    for (String lang : List.of("en", "fr", "ar")) {
      try (XWPFDocument doc = docx(fx.secretariat.get("/api/reports/tdag.docx?year=2026&lang=" + lang))) {
        List<String> headings = headings(doc);
        assertThat(headings).as(lang).contains(africa.get(lang));
        assertThat(headings).as("every region has its heading, " + lang).hasSize(6);
        assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))
            .map(XWPFParagraph::getText).filter(h -> h.startsWith("AFR1 (WTDC-25): ")).count()).isEqualTo(1);
        List<String> regionTotal = rowStartingWith(doc, total.get(lang));
        assertThat(amount(regionTotal.get(1))).as(lang + " cash").isCloseTo(cashUsd, within(0.01));
        assertThat(amount(regionTotal.get(2))).as(lang + " in kind").isCloseTo(inKindUsd, within(0.01));
        assertThat(amount(regionTotal.get(3))).as(lang + " used").isCloseTo(usedUsd, within(0.01));
        List<String> project = rowStartingWith(doc, "9RAF10085-01");
        assertThat(amount(project.get(5)) + amount(project.get(6))).isCloseTo(8_800 / CHF + inKindUsd, within(0.01));
        boolean rtl = doc.getParagraphs().stream().filter(p -> !p.getText().isBlank())
            .allMatch(p -> p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetBidi());
        assertThat(rtl).as(lang + ": every paragraph right to left").isEqualTo(lang.equals("ar"));
      }
    }
    for (String lang : List.of("zh", "ru", "es")) {
      try (XWPFDocument doc = docx(fx.admin.get("/api/reports/tdag.docx?year=2026&region=AFR&lang=" + lang))) {
        assertThat(headings(doc)).containsExactly(africa.get(lang));
      }
    }
  }

  @Test
  void textsNotTranslatedIntoTheLanguageAskedComeInTheOriginalMarkedAsSuch() throws Exception {
    try (XWPFDocument doc = docx(fx.secretariat.get("/api/reports/tdag.docx?year=2026&region=AFR&lang=fr"))) {
      assertThat(rowStartingWith(doc, "9RAF10084-04").get(1))
          .isEqualTo("National digital transformation strategy for Senegal (original en anglais)");
      assertThat(rowStartingWith(doc, "9RAF10084-04").get(2)).isEqualTo("Mise en œuvre");
    }
  }

  @Test
  void theForumsAgendaItemsAndTheYearsConsultationsAppearUnderTheirInitiative() throws Exception {
    String meetingId = InitiativeFixture.ok(fx.admin.post("/api/groups/" + fx.afrGroup + "/meetings", new JsonObject()
        .put("title", "Regional development forum for Africa 2026").put("kind", "hybrid")
        .put("start", "2026-12-01T09:30").put("end", "2026-12-03T17:00").put("timeZone", "Africa/Dakar")
        .put("venue", "Dakar").put("remoteInstructions", "Join from the meeting page")
        .put("contributionDeadline", "2026-11-20T23:59")), 201).getString("id");
    InitiativeFixture.ok(fx.secretariat.post("/api/initiatives/forum", new JsonObject().put("region", "AFR")
        .put("meetingId", meetingId)), 200);
    String consultation = InitiativeFixture.ok(fx.secretariat.post("/api/initiatives/" + fx.afr1 + "/consultations",
        new JsonObject().put("question", "What should AFR1 do first?")
            .put("topics", new JsonArray().add("rural broadband").add("digital skills").add("cybersecurity"))
            .put("deadline", server.app().services().initiatives().consultations().now().plusSeconds(86_400)
                .toString())), 201).getString("id");
    InitiativeFixture.ok(fx.delegate.post("/api/consultations/" + consultation + "/answers", new JsonObject()
        .put("priorities", new JsonArray().add("digital skills"))), 200);
    int year = server.app().services().initiatives().reports().currentYear();
    try (XWPFDocument doc = docx(fx.secretariat.get("/api/reports/tdag.docx?region=AFR&lang=en"))) {
      List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      if (year == 2026) {
        assertThat(texts).anySatisfy(t -> assertThat(t)
            .startsWith("Regional development forum for Africa 2026 (2026-12-01): 9RAF10084-04 [2 implementation]"));
      }
      assertThat(texts).anySatisfy(t -> assertThat(t).isEqualTo("What should AFR1 do first? — Answers: 1; countries: 1; "
          + "priorities, first to last: digital skills; rural broadband; cybersecurity"));
    }
  }

  static XWPFDocument docx(HttpResponse<Buffer> response) throws Exception {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return new XWPFDocument(new ByteArrayInputStream(response.body().getBytes()));
  }

  /** Heading 1 after the overview: one per region. */
  static List<String> headings(XWPFDocument doc) {
    return doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText)
        .filter(t -> !t.isEmpty()).skip(1).toList();
  }

  static List<String> rowStartingWith(XWPFDocument doc, String first) {
    for (XWPFTable table : doc.getTables()) {
      for (XWPFTableRow row : table.getRows()) {
        if (row.getCell(0).getText().equals(first)) {
          return row.getTableCells().stream().map(c -> c.getText()).toList();
        }
      }
    }
    throw new AssertionError("no table row starts with " + first);
  }

  /** Every amount is written with two decimals, whatever the language's separators. */
  static double amount(String formatted) {
    String digits = formatted.replaceAll("[^0-9]", "");
    return Long.parseLong(digits) / 100.0;
  }

  static double sum(List<Map<String, String>> lines, String column) {
    return lines.stream().mapToDouble(l -> Double.parseDouble(l.get(column))).sum();
  }

  static List<Map<String, String>> records(List<List<String>> rows) {
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> record = new java.util.LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        record.put(rows.get(0).get(i), row.get(i));
      }
      out.add(record);
    }
    return out;
  }

  /** RFC 4180: quoted cells, doubled quotes, CRLF line ends; the byte order mark first. */
  static List<List<String>> parseCsv(String text) {
    assertThat(text).startsWith("\uFEFF");
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(cell).as("the file ends with CRLF").isEmpty();
    int width = rows.get(0).size();
    assertThat(rows).as("every line has the header's cells").allSatisfy(r -> assertThat(r).hasSize(width));
    return rows.stream().map(r -> r.stream().collect(Collectors.toList())).toList();
  }
}
