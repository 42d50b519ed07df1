package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;

class MeetingCancellationTest extends MeetingServerTest {
  String cancellation;

  @BeforeEach
  void start() {
    cancellation = fx.meetingPath() + "/cancellation";
  }

  @Test
  @DisplayName("A chair cancels a meeting with a note; it stays readable, marked cancelled, and can be reinstated")
  void chairCancelsAndReinstatesAMeeting() {
    var cancelled = fx.chair.post(cancellation, new JsonObject().put("note", "Moved to February"));
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isEqualTo(200);
    JsonObject read = server.client().get(fx.meetingPath()).bodyAsJsonObject();
    assertThat(read.getJsonObject("cancellation").getString("note")).isEqualTo("Moved to February");
    assertThat(read.getJsonObject("cancellation").getString("by")).isEqualTo("João Silva");
    assertThat(read.getString("title")).isEqualTo("SG13RG-AMS meeting, December 2026");

    assertThat(fx.chair.delete(cancellation).statusCode()).isEqualTo(200);
    assertThat(server.client().get(fx.meetingPath()).bodyAsJsonObject().getValue("cancellation")).isNull();
  }

  @Test
  @DisplayName("Only the chair, vice-chairs, the secretariat and staff cancel or edit a meeting")
  void onlyThoseWhoRunTheMeetingCancelOrEditIt() {
    ApiClient anonymous = server.client();
    ApiClient outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Outsider");
    JsonObject rename = new JsonObject().put("title", "Hijacked");
    for (ApiClient refused : new ApiClient[] {outsider, fx.member}) {
      assertProblem(refused.post(cancellation, new JsonObject()), 403);
      assertProblem(refused.delete(cancellation), 403);
      assertProblem(refused.patch(fx.meetingPath(), rename), 403);
    }
    assertProblem(anonymous.post(cancellation, new JsonObject()), 401);
    assertProblem(anonymous.patch(fx.meetingPath(), rename), 401);
    JsonObject unchanged = server.client().get(fx.meetingPath()).bodyAsJsonObject();
    assertThat(unchanged.getValue("cancellation")).isNull();
    assertThat(unchanged.getString("title")).isEqualTo("SG13RG-AMS meeting, December 2026");

    ApiClient secretariat = server.client();
    String id = secretariat.registerAndSignIn("counsellor@itu.example", "TSB Counsellor").getString("id");
    fx.admin.post("/api/groups/" + fx.groupId + "/members", new JsonObject().put("userId", id).put("role", "secretariat"));
    assertThat(secretariat.patch(fx.meetingPath(), new JsonObject().put("venue", "Online")).statusCode()).isEqualTo(200);
    assertThat(secretariat.post(cancellation, new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(fx.admin.delete(cancellation).statusCode()).isEqualTo(200);
    assertThat(fx.chair.post(cancellation, new JsonObject()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A bad cancellation names its field and cancels nothing")
  void badCancellationNamesItsField() {
    assertFieldProblem(fx.chair.post(cancellation, new JsonObject().put("note", 3)), 400, "note");
    assertFieldProblem(fx.chair.post(cancellation, new JsonObject().put("reason", "x")), 400, "reason");
    assertFieldProblem(fx.chair.post(cancellation, new JsonObject().put("note", "x".repeat(2001))), 400, "note");
    assertThat(server.client().get(fx.meetingPath()).bodyAsJsonObject().getValue("cancellation")).isNull();
  }

  @Test
  @DisplayName("A cancelled meeting refuses registration with a meeting-cancelled conflict and registers no one")
  void cancelledMeetingRefusesRegistration() {
    JsonObject remote = new JsonObject().put("mode", "remote");
    assertThat(fx.chair.post(cancellation, new JsonObject().put("note", "Moved to February")).statusCode()).isEqualTo(200);

    JsonObject problem = assertProblem(fx.member.put(fx.meetingPath() + "/registration", remote), 409);
    assertThat(problem.getString("type")).isEqualTo("/problems/meeting-cancelled");
    assertThat(problem.getJsonObject("cancellation").getString("note")).isEqualTo("Moved to February");
    assertThat(fx.chair.get(fx.meetingPath() + "/participants").bodyAsString()).doesNotContain(fx.memberId);

    assertThat(fx.chair.delete(cancellation).statusCode()).isEqualTo(200);
    assertThat(fx.member.put(fx.meetingPath() + "/registration", remote).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A cancelled meeting refuses requests for the floor with a meeting-cancelled conflict and queues no one")
  void cancelledMeetingRefusesFloorRequests() {
    String queue = fx.meetingPath() + "/queue";
    JsonObject remote = new JsonObject().put("mode", "remote");
    assertThat(fx.chair.post(cancellation, new JsonObject()).statusCode()).isEqualTo(200);

    JsonObject problem = assertProblem(fx.member.post(queue, remote), 409);
    assertThat(problem.getString("type")).isEqualTo("/problems/meeting-cancelled");
    assertThat(fx.chair.get(queue).bodyAsString()).doesNotContain(fx.memberId);

    assertThat(fx.chair.delete(cancellation).statusCode()).isEqualTo(200);
    assertThat(fx.member.post(queue, remote).statusCode()).isEqualTo(200);
  }
}
