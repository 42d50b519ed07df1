package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.Contributions;

/** The printable and Word agendas speak the reader's language: labels, treatments and dates, no raw codes. */
class AgendaExportLanguageTest extends MeetingServerTest {
  String agenda;

  @BeforeEach
  void start() {
    agenda = fx.meetingPath() + "/agenda";
    String document = Contributions.uploadOk(fx.chair, fx.groupId, "qos.txt",
        "Quality of service thresholds".getBytes(StandardCharsets.UTF_8), "QoS thresholds").getString("id");
    JsonObject item = new JsonObject().put("id", "a").put("title", "Contributions").put("presenter", "Chair")
        .put("plannedMinutes", 30).put("notes", "Start a draft").put("children", new JsonArray())
        .put("allocations", new JsonArray().add(new JsonObject().put("contributionId", document)));
    var saved = fx.chair.put(agenda, new JsonObject().put("version", 0).put("items", new JsonArray().add(item)));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
  }

  @Test
  @DisplayName("The printable agenda in Arabic is right to left, with Arabic labels, treatments and month names")
  void printableAgendaInArabic() {
    var response = fx.member.get(agenda + ".html?lang=ar");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Language")).isEqualTo("ar");
    String html = response.bodyAsString();
    assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("بند جدول الأعمال").contains("للعرض").contains("مشروع").contains("النتيجة: Start a draft")
        .contains("ديسمبر")
        .doesNotContain("to-present").doesNotContain("Agenda item").doesNotContain("Status:")
        .contains("<bdi>SG13RG-AMS meeting, December 2026</bdi>")
        .doesNotContain("draft,").doesNotContain("1 December");
  }

  @Test
  @DisplayName("The Word agenda in French has French column names, treatments and dates, and no raw codes")
  void wordAgendaInFrench() throws Exception {
    var response = fx.member.get(agenda + ".docx?lang=fr");
    assertThat(response.statusCode()).isEqualTo(200);
    String text;
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body().getBytes()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      text = extractor.getText();
      assertThat(document.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo("Point de l'ordre du jour");
    }
    assertThat(text).contains("Ordre du jour : SG13RG-AMS meeting").contains("décembre 2026")
        .contains("SG13RG-AMS/1 QoS thresholds — à présenter").contains("Résultat : Start a draft")
        .contains("Statut : projet, version 1")
        .doesNotContain("to-present").doesNotContain("1 December").doesNotContain("Outcome");
  }

  @Test
  @DisplayName("Without lang the export follows Accept-Language; an unknown lang is a 400 naming it")
  void languageFromTheHeaderOrRefused() {
    var spanish = fx.member.request(HttpMethod.GET, agenda + ".html")
        .putHeader("Accept-Language", "de-CH, es;q=0.8, en;q=0.5").send().await();
    assertThat(spanish.getHeader("Content-Language")).isEqualTo("es");
    assertThat(spanish.bodyAsString()).contains("Punto del orden del día").contains("por presentar");
    assertThat(fx.member.get(agenda + ".html").bodyAsString()).contains("to be presented").contains("<html lang=\"en\"");
    assertFieldProblem(fx.member.get(agenda + ".docx?lang=de"), 400, "lang");
  }
}
