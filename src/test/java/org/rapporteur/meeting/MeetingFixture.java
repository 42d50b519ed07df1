package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

/** A group with a chair and a member, and a hybrid meeting in São Paulo: what the meeting tests start from. */
public final class MeetingFixture {
  public final ApiClient admin;
  public final ApiClient chair;
  public final ApiClient member;
  public final String groupId;
  public final String chairId;
  public final String memberId;
  public final String meetingId;

  public MeetingFixture(TestServer server) {
    admin = server.admin();
    groupId = admin.post("/api/groups", new JsonObject().put("code", "SG13RG-AMS").put("sector", "ITU-T")
        .put("region", "AMS").put("kind", "regional-group").put("title", "SG13 Regional Group for the Americas"))
        .bodyAsJsonObject().getString("id");
    chair = server.client();
    chairId = chair.registerAndSignIn("joao.silva@example.br", "João Silva").getString("id");
    member = server.client();
    memberId = member.registerAndSignIn("nguyen@example.vn", "Nguyễn Thị Lan").getString("id");
    addMember(chairId, "chair");
    addMember(memberId, "member");
    var meeting = chair.post("/api/groups/" + groupId + "/meetings", meeting());
    assertThat(meeting.statusCode()).as(meeting.bodyAsString()).isEqualTo(201);
    meetingId = meeting.bodyAsJsonObject().getString("id");
  }

  private void addMember(String userId, String role) {
    var added = admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("userId", userId).put("role", role));
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
  }

  static JsonObject meeting() {
    return new JsonObject().put("title", "SG13RG-AMS meeting, December 2026").put("kind", "hybrid")
        .put("start", "2026-12-01T09:30").put("end", "2026-12-03T17:00").put("timeZone", "America/Sao_Paulo")
        .put("venue", "Anatel, Brasília").put("remoteInstructions", "Join from the meeting page; audio dial-in +55 61 0000")
        .put("contributionDeadline", "2026-11-20T23:59");
  }

  public String meetingPath() {
    return "/api/meetings/" + meetingId;
  }
}
