package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.RealtimeClient;

class CurrentItemTest extends MeetingServerTest {
  String agenda;
  String current;

  @BeforeEach
  void start() {
    agenda = fx.meetingPath() + "/agenda";
    current = agenda + "/current";
    var saved = fx.chair.put(agenda, new JsonObject().put("version", 0).put("items", new JsonArray()
        .add(new JsonObject().put("id", "open").put("title", "Opening").put("plannedMinutes", 10))
        .add(new JsonObject().put("id", "q6").put("title", "Question 6/13").put("plannedMinutes", 45))));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
  }

  static JsonObject mark(String itemId) {
    return new JsonObject().put("itemId", itemId);
  }

  ApiClient secretariat() {
    ApiClient client = server.client();
    String id = client.registerAndSignIn("counsellor@itu.example", "TSB Counsellor").getString("id");
    var added = fx.admin.post("/api/groups/" + fx.groupId + "/members",
        new JsonObject().put("userId", id).put("role", "secretariat"));
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    return client;
  }

  @Test
  @DisplayName("A chair marks the item under discussion; everyone reads it with the agenda, whose version does not change")
  void chairMarksTheCurrentItemWithoutANewAgendaVersion() {
    var marked = fx.chair.put(current, mark("q6"));
    assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
    assertThat(marked.bodyAsJsonObject().getJsonObject("current").getString("itemId")).isEqualTo("q6");

    JsonObject read = server.client().get(agenda).bodyAsJsonObject();
    assertThat(read.getLong("version")).isEqualTo(1);
    assertThat(read.getJsonObject("current").getString("itemId")).isEqualTo("q6");
    assertThat(read.getJsonObject("current").getString("by")).isEqualTo("João Silva");
    assertThat(read.getJsonObject("current").getString("startedAt")).isNotBlank();

    // An agenda edit made on version 1 still succeeds, and keeps the mark.
    var edited = fx.chair.put(agenda, new JsonObject().put("version", 1).put("items", new JsonArray()
        .add(new JsonObject().put("id", "q6").put("title", "Question 6/13"))));
    assertThat(edited.statusCode()).as(edited.bodyAsString()).isEqualTo(200);
    assertThat(fx.member.get(agenda).bodyAsJsonObject().getJsonObject("current").getString("itemId")).isEqualTo("q6");

    assertThat(fx.chair.put(current, new JsonObject().putNull("itemId")).statusCode()).isEqualTo(200);
    assertThat(fx.member.get(agenda).bodyAsJsonObject().getValue("current")).isNull();
  }

  @Test
  @DisplayName("Only the chair, vice-chairs, the secretariat and staff mark the current item")
  void onlyThoseWhoRunTheMeetingMarkTheCurrentItem() {
    assertProblem(server.client().put(current, mark("open")), 401);
    ApiClient outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Outsider");
    assertProblem(outsider.put(current, mark("open")), 403);
    assertProblem(fx.member.put(current, mark("open")), 403);
    assertThat(fx.member.get(agenda).bodyAsJsonObject().getValue("current")).isNull();

    assertThat(secretariat().put(current, mark("open")).statusCode()).isEqualTo(200);
    assertThat(fx.admin.put(current, mark("q6")).statusCode()).isEqualTo(200);
    assertThat(fx.chair.put(current, mark("open")).statusCode()).isEqualTo(200);
    assertThat(fx.member.get(agenda).bodyAsJsonObject().getJsonObject("current").getString("itemId")).isEqualTo("open");
  }

  @Test
  @DisplayName("A bad or unknown item id names the field and leaves the mark as it was")
  void badInputNamesTheFieldAndChangesNothing() {
    fx.chair.put(current, mark("open"));
    assertFieldProblem(fx.chair.put(current, new JsonObject()), 400, "itemId");
    assertFieldProblem(fx.chair.put(current, mark("no spaces allowed")), 400, "itemId");
    assertFieldProblem(fx.chair.put(current, new JsonObject().put("itemId", 7)), 400, "itemId");
    assertFieldProblem(fx.chair.put(current, mark("open").put("extra", 1)), 400, "extra");
    assertFieldProblem(fx.chair.put(current, mark("gone")), 422, "itemId");
    assertThat(fx.member.get(agenda).bodyAsJsonObject().getJsonObject("current").getString("itemId")).isEqualTo("open");
  }

  @Test
  @DisplayName("Marking an item is an event of the meeting room: followers see it live and a reconnecting page gets it replayed")
  void theMarkIsLiveAndReplayed(Vertx vertx) {
    long head = fx.member.get(agenda).bodyAsJsonObject().getLong("roomHead");
    try (RealtimeClient live = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member)) {
      live.subscribe("meeting:" + fx.meetingId, head);
      fx.chair.put(current, mark("q6"));
      // Events of the fixture's own agenda edits may still be on their way; the mark is the one that counts.
      JsonObject event = live.next(CurrentItemTest::isMark).getJsonObject("event");
      assertThat(event.getString("kind")).isEqualTo("agenda-current");
      assertThat(event.getJsonObject("current").getString("itemId")).isEqualTo("q6");
    }
    try (RealtimeClient late = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member)) {
      late.subscribe("meeting:" + fx.meetingId, head);
      JsonObject replayed = late.next(CurrentItemTest::isMark).getJsonObject("event");
      assertThat(replayed.getJsonObject("current").getString("itemId")).isEqualTo("q6");
    }
  }

  private static boolean isMark(JsonObject frame) {
    return "event".equals(frame.getString("type"))
        && "agenda-current".equals(frame.getJsonObject("event", new JsonObject()).getString("kind"));
  }
}
