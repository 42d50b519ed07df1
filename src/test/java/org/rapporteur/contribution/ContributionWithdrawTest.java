package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.ServerTest;

/** Who may withdraw a contribution: its author and the group's leads; nobody else, and nothing changes when refused. */
class ContributionWithdrawTest extends ServerTest {
  ApiClient admin;
  ApiClient author;
  ApiClient otherMember;
  ApiClient chair;
  ApiClient outsider;
  String groupId;
  String id;

  @BeforeEach
  void start() {
    admin = server.admin();
    author = person("author@ntra.eg", "Ahmed Hassan");
    otherMember = person("other@kstu.kg", "Aibek Toktogulov");
    chair = person("chair@artp.sn", "Aminata Diop");
    outsider = person("outsider@example.org", "Out Sider");
    groupId = Contributions.group(admin, "SG1RGQ", "public", "author@ntra.eg", "other@kstu.kg");
    assertThat(admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", "chair@artp.sn")
        .put("role", "chair")).statusCode()).isEqualTo(201);
    id = Contributions.uploadOk(author, groupId, "a.txt", "text".getBytes(StandardCharsets.UTF_8), "Roaming costs")
        .getString("id");
  }

  ApiClient person(String email, String name) {
    ApiClient client = server.client();
    client.registerAndSignIn(email, name);
    return client;
  }

  String status() {
    return admin.get("/api/contributions/" + id).bodyAsJsonObject().getString("status");
  }

  JsonObject withdrawn() {
    return new JsonObject().put("status", "withdrawn");
  }

  @Test
  @DisplayName("The author withdraws their own contribution")
  void authorWithdraws() {
    var response = author.patch("/api/contributions/" + id, withdrawn());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("withdrawn");
    assertThat(status()).isEqualTo("withdrawn");
  }

  @Test
  @DisplayName("Another member, an outsider and an anonymous visitor may not withdraw it; its status stays")
  void othersMayNotWithdraw() {
    assertProblem(otherMember.patch("/api/contributions/" + id, withdrawn()), 403);
    assertProblem(outsider.patch("/api/contributions/" + id, withdrawn()), 403);
    ApiClient anonymous = server.client();
    anonymous.get("/api/session");
    assertThat(anonymous.patch("/api/contributions/" + id, withdrawn()).statusCode()).isEqualTo(401);
    assertThat(status()).isEqualTo("submitted");
  }

  @Test
  @DisplayName("The chair and the admin may withdraw it; the author may not set another status")
  void chairAndAdminMayAuthorMayOnlyWithdraw() {
    assertProblem(author.patch("/api/contributions/" + id, new JsonObject().put("status", "noted")), 403);
    assertThat(chair.patch("/api/contributions/" + id, withdrawn()).statusCode()).isEqualTo(200);
    assertThat(admin.patch("/api/contributions/" + id, new JsonObject().put("status", "submitted")).statusCode())
        .isEqualTo(200);
    assertThat(status()).isEqualTo("submitted");
  }

  @Test
  @DisplayName("An unknown status is a 400 that names the field, and nothing changes")
  void unknownStatusIsRefused() {
    assertFieldProblem(author.patch("/api/contributions/" + id, new JsonObject().put("status", "gone")), 400, "status");
    assertFieldProblem(author.patch("/api/contributions/" + id, new JsonObject()), 400, "status");
    assertThat(status()).isEqualTo("submitted");
  }
}
