package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgendaTest extends MeetingServerTest {
  String agenda;

  @BeforeEach
  void start() {
    agenda = fx.meetingPath() + "/agenda";
  }

  static JsonObject item(String id, String title, JsonObject... children) {
    return new JsonObject().put("id", id).put("title", title).put("children", new JsonArray(List.of(children)));
  }

  static JsonObject edit(long version, JsonObject... items) {
    return new JsonObject().put("version", version).put("items", new JsonArray(List.of(items)));
  }

  JsonObject save(JsonObject edit) {
    var response = fx.chair.put(agenda, edit);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  static List<String> numbers(JsonObject agenda) {
    List<String> out = new java.util.ArrayList<>();
    collect(agenda.getJsonArray("items"), out);
    return out;
  }

  private static void collect(JsonArray items, List<String> out) {
    for (Object o : items) {
      JsonObject item = (JsonObject) o;
      out.add(item.getString("number") + " " + item.getString("title"));
      collect(item.getJsonArray("children"), out);
    }
  }

  @Test
  void itemsAreNumberedFromTheirOrderAndRenumberedWhenMoved() {
    JsonObject empty = fx.member.get(agenda).bodyAsJsonObject();
    assertThat(empty.getLong("version")).isZero();
    JsonObject v1 = save(edit(0, item("open", "Opening"),
        item("q6", "Question 6/13", item("ls", "Liaison statements"), item("contrib", "Contributions")),
        item("close", "Closing")));
    assertThat(v1.getLong("version")).isEqualTo(1);
    assertThat(numbers(v1)).containsExactly("1 Opening", "2 Question 6/13", "2.1 Liaison statements",
        "2.2 Contributions", "3 Closing");

    var moved = fx.chair.post(agenda + "/moves", new JsonObject().put("version", 1).put("itemId", "close")
        .put("parentId", "q6").put("position", 0));
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(numbers(moved.bodyAsJsonObject())).containsExactly("1 Opening", "2 Question 6/13", "2.1 Closing",
        "2.2 Liaison statements", "2.3 Contributions");
  }

  @Test
  @DisplayName("A change made on a stale version gets 409 with the current version, and changes nothing")
  void staleVersionsAreRefused() {
    save(edit(0, item("a", "Opening")));
    var stale = fx.chair.put(agenda, edit(0, item("b", "Something else")));
    JsonObject problem = assertFieldProblem(stale, 409, "version");
    assertThat(problem.getLong("currentVersion")).isEqualTo(1);
    assertProblem(fx.chair.post(agenda + "/moves", new JsonObject().put("version", 0).put("itemId", "a")), 409);
    assertThat(numbers(fx.member.get(agenda).bodyAsJsonObject())).containsExactly("1 Opening");
  }

  @Test
  void onlyChairsEditAndBadAgendasChangeNothing() {
    save(edit(0, item("a", "Opening"), item("b", "Q6/13", item("b1", "Contributions"))));
    assertProblem(fx.member.put(agenda, edit(1, item("x", "Hijacked"))), 403);
    assertProblem(server.client().put(agenda, edit(1, item("x", "Hijacked"))), 401);
    assertFieldProblem(fx.chair.put(agenda, edit(1, item("a", "Opening"), item("a", "Again"))), 422, "items[1].id");
    assertFieldProblem(fx.chair.put(agenda, edit(1, item("a", "Opening", item("a", "Inside itself")))), 422,
        "items[0].children[0].id");
    assertFieldProblem(fx.chair.put(agenda, edit(1, item("a", "Opening").put("startsAt", "2026-12-05T09:00"))), 400,
        "items[0].startsAt");
    assertFieldProblem(fx.chair.put(agenda, edit(1, item("a", ""))), 400, "items[0].title");
    assertFieldProblem(fx.chair.put(agenda, edit(1, item("a", "Opening").put("allocations", new JsonArray()
        .add(new JsonObject().put("contributionId", "0123456789abcdef01234567"))))), 422,
        "items[0].allocations[0].contributionId");
    assertFieldProblem(fx.chair.post(agenda + "/moves", new JsonObject().put("version", 1).put("itemId", "b")
        .put("parentId", "b1")), 422, "parentId");
    assertFieldProblem(fx.chair.post(agenda + "/moves", new JsonObject().put("version", 1).put("itemId", "b")
        .put("parentId", "b")), 422, "parentId");
    JsonObject unchanged = fx.member.get(agenda).bodyAsJsonObject();
    assertThat(unchanged.getLong("version")).isEqualTo(1);
    assertThat(numbers(unchanged)).containsExactly("1 Opening", "2 Q6/13", "2.1 Contributions");
  }

  @Test
  @DisplayName("Only this group's contributions are allocated, and the meeting's treatment becomes their status")
  void allocationsAreThisGroupsDocumentsAndTheirTreatmentReachesThem() {
    String ours = org.rapporteur.support.Contributions.uploadOk(fx.chair, fx.groupId, "qos.txt",
        "Quality of service thresholds for mobile broadband".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "QoS thresholds").getString("id");
    String otherGroup = org.rapporteur.support.Contributions.group(fx.admin, "OTHER-RG", "public");
    String theirs = org.rapporteur.support.Contributions.uploadOk(fx.admin, otherGroup, "x.txt",
        "Another group's text".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Elsewhere").getString("id");

    assertFieldProblem(fx.chair.put(agenda, edit(0, item("a", "Contributions").put("allocations", new JsonArray()
        .add(new JsonObject().put("contributionId", theirs))))), 422, "items[0].allocations[0].contributionId");
    JsonObject allocated = save(edit(0, item("a", "Contributions").put("allocations", new JsonArray()
        .add(new JsonObject().put("contributionId", ours))))).getJsonArray("items").getJsonObject(0)
        .getJsonArray("allocations").getJsonObject(0);
    assertThat(allocated.getString("number")).isEqualTo("SG13RG-AMS/1");
    assertThat(allocated.getString("status")).isEqualTo("to-present");
    awaitStatus(ours, "allocated");

    save(edit(1, item("a", "Contributions").put("allocations", new JsonArray()
        .add(new JsonObject().put("contributionId", ours).put("status", "noted")))));
    awaitStatus(ours, "noted");
    JsonArray history = fx.member.get(agenda + "/history").bodyAsJsonObject().getJsonArray("items");
    assertThat(history.getJsonObject(0).getJsonArray("changes").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("kind", "treatment").put("params", new JsonObject().put("document", "SG13RG-AMS/1").put("status", "noted")
            .put("was", "to-present")));
  }

  private void awaitStatus(String contributionId, String status) {
    java.time.Instant until = java.time.Instant.now().plusSeconds(10);
    String seen = null;
    while (java.time.Instant.now().isBefore(until)) {
      seen = fx.member.get("/api/contributions/" + contributionId).bodyAsJsonObject().getString("status");
      if (status.equals(seen)) {
        return;
      }
      org.rapporteur.support.Contributions.sleep(100);
    }
    throw new AssertionError("contribution status " + seen + ", expected " + status);
  }

  @Test
  void itemTimesAreReadInTheMeetingsZone() {
    JsonObject saved = save(edit(0, item("a", "Opening").put("startsAt", "2026-12-01T09:30")));
    assertThat(saved.getJsonArray("items").getJsonObject(0).getString("startsAt")).isEqualTo("2026-12-01T12:30:00Z");
  }

  @Test
  void changesAfterApprovalAreKeptInAVisibleHistory() {
    save(edit(0, item("a", "Opening"), item("b", "Q6/13")));
    var approved = fx.chair.post(agenda + "/approval", new JsonObject().put("version", 1));
    assertThat(approved.bodyAsJsonObject().getString("status")).isEqualTo("approved");
    assertThat(approved.bodyAsJsonObject().getLong("approvedVersion")).isEqualTo(2);
    save(edit(2, item("a", "Opening"), item("b", "Q6/13"), item("c", "Any other business")));

    JsonArray history = fx.member.get(agenda + "/history").bodyAsJsonObject().getJsonArray("items");
    assertThat(history).hasSize(3);
    JsonObject latest = history.getJsonObject(0);
    assertThat(latest.getLong("version")).isEqualTo(3);
    assertThat(latest.getBoolean("afterApproval")).isTrue();
    assertThat(latest.getJsonArray("changes").getJsonObject(0)).isEqualTo(new JsonObject().put("kind", "added")
        .put("params", new JsonObject().put("number", "3").put("title", "Any other business")));
    assertThat(latest.getString("by")).isEqualTo("João Silva");
    assertThat(history.getJsonObject(1).getString("action")).isEqualTo("approve");
    assertThat(history.getJsonObject(1).getJsonArray("changes").getJsonObject(0).getString("kind")).isEqualTo("approved");
    assertThat(history.getJsonObject(2).getBoolean("afterApproval")).isFalse();
  }

  @Test
  void theAgendaExportsAsAWordTableAndPrintableHtml() throws Exception {
    save(edit(0, item("a", "Opening").put("presenter", "Chair").put("plannedMinutes", 10),
        item("b", "Q6/13 <quality>", item("b1", "Contributions").put("notes", "Agreed to start a draft"))));
    var docx = fx.member.get(agenda + ".docx");
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.getHeader("Content-Disposition")).contains("attachment").contains(".docx");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body().getBytes()))) {
      XWPFTable table = document.getTables().get(0);
      assertThat(table.getRows()).hasSize(4);
      assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("Agenda item");
      assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("1");
      assertThat(table.getRow(1).getCell(3).getText()).isEqualTo("Chair");
      assertThat(table.getRow(1).getCell(4).getText()).isEqualTo("10");
      assertThat(table.getRow(3).getCell(0).getText()).isEqualTo("2.1");
      assertThat(table.getRow(3).getCell(2).getText()).contains("Agreed to start a draft");
    }
    String html = fx.member.get(agenda + ".html").bodyAsString();
    assertThat(html).contains("Q6/13 &lt;quality&gt;").doesNotContain("<quality>").contains("<td>2.1</td>");
  }
}
