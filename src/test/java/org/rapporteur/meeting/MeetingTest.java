package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.rapporteur.platform.csv.Csv;

class MeetingTest extends MeetingServerTest {
  @Test
  void meetingTimesAreStoredInUtcAndShownInTheirZone() {
    JsonObject meeting = server.client().get(fx.meetingPath()).bodyAsJsonObject();
    assertThat(meeting.getString("start")).isEqualTo("2026-12-01T12:30:00Z");
    assertThat(meeting.getString("startLocal")).isEqualTo("2026-12-01T09:30");
    assertThat(meeting.getString("timeZone")).isEqualTo("America/Sao_Paulo");
    assertThat(meeting.getString("remoteInstructions")).startsWith("Join from the meeting page");
    assertThat(meeting.getJsonObject("group").getString("code")).isEqualTo("SG13RG-AMS");
    assertThat(fx.member.get(fx.meetingPath()).bodyAsJsonObject().getBoolean("canRun")).isFalse();
    assertThat(fx.chair.get(fx.meetingPath()).bodyAsJsonObject().getBoolean("canRun")).isTrue();
  }

  @Test
  void onlyChairsScheduleAndBadSchedulesNameTheirField() {
    String path = "/api/groups/" + fx.groupId + "/meetings";
    assertProblem(fx.member.post(path, MeetingFixture.meeting()), 403);
    assertFieldProblem(fx.chair.post(path, MeetingFixture.meeting().put("timeZone", "Mars/Olympus")), 400, "timeZone");
    assertFieldProblem(fx.chair.post(path, MeetingFixture.meeting().put("end", "2026-11-30T09:00")), 400, "end");
    assertFieldProblem(fx.chair.post(path, MeetingFixture.meeting().put("start", "tomorrow")), 400, "start");
    assertFieldProblem(fx.chair.post(path, MeetingFixture.meeting().put("remoteInstructions", "")), 400,
        "remoteInstructions");
    assertFieldProblem(fx.chair.post(path, MeetingFixture.meeting().put("contributionDeadline", "2026-12-05T00:00")),
        400, "contributionDeadline");
    assertThat(server.client().get(path).bodyAsJsonObject().getJsonArray("items")).hasSize(1);
  }

  @Test
  void patchKeepsWhatIsNotGivenAndRefusesBadTimes() {
    var patched = fx.chair.patch(fx.meetingPath(), new JsonObject().put("venue", "Virtual only").put("kind", "virtual"));
    assertThat(patched.bodyAsJsonObject().getString("venue")).isEqualTo("Virtual only");
    assertThat(patched.bodyAsJsonObject().getString("startLocal")).isEqualTo("2026-12-01T09:30");
    assertFieldProblem(fx.chair.patch(fx.meetingPath(), new JsonObject().put("end", "2026-11-01T10:00")), 400, "end");
    assertProblem(fx.member.patch(fx.meetingPath(), new JsonObject().put("venue", "x")), 403);
    assertThat(server.client().get(fx.meetingPath()).bodyAsJsonObject().getString("venue")).isEqualTo("Virtual only");
  }

  @Test
  void attendanceRecordsRemoteAndOnSiteParticipantsAsCsv() {
    assertThat(fx.member.put(fx.meetingPath() + "/registration", new JsonObject().put("mode", "remote")).statusCode())
        .isEqualTo(200);
    assertThat(fx.member.post(fx.meetingPath() + "/attendance", new JsonObject().put("mode", "remote")).statusCode())
        .isEqualTo(200);
    assertThat(fx.chair.post(fx.meetingPath() + "/attendance", new JsonObject().put("mode", "on-site")).statusCode())
        .isEqualTo(200);
    assertProblem(fx.member.get(fx.meetingPath() + "/attendance.csv"), 403);
    assertFieldProblem(fx.chair.post(fx.meetingPath() + "/attendance",
        new JsonObject().put("mode", "remote").put("userId", fx.groupId)), 422, "userId");

    var csv = fx.chair.get(fx.meetingPath() + "/attendance.csv");
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    String[] lines = csv.bodyAsString().replace("\uFEFF", "").split("\r\n");
    assertThat(lines[0]).isEqualTo(AttendanceCsv.HEADER);
    assertThat(lines).hasSize(3);
    assertThat(String.join("\n", lines)).contains("\"João Silva\"", "\"on-site\"", "\"Nguyễn Thị Lan\"", "\"remote\"");
  }

  @Test
  void csvCellsCannotRunAsFormulas() {
    assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Csv.cell("Orange")).isEqualTo("\"Orange\"");
  }
}
