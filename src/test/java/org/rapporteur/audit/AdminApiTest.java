package org.rapporteur.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.ServerTest;
import org.rapporteur.support.TestServer;

/** The admin page's API: the audit log filtered by who and what, and the list of accounts with their global roles. */
class AdminApiTest extends ServerTest {
  ApiClient admin;
  ApiClient secretariat;
  ApiClient chair;
  ApiClient member;
  String secretariatId;

  @BeforeEach
  void start() {
    admin = server.admin();
    secretariat = server.client();
    secretariatId = secretariat.registerAndSignIn("helene@itu.example", "Hélène Martin").getString("id");
    assertThat(admin.put("/api/accounts/" + secretariatId + "/roles", new JsonObject()
        .put("roles", new JsonArray().add("secretariat"))).statusCode()).isEqualTo(200);
    chair = server.client();
    chair.registerAndSignIn("chair@artp.sn", "Aminata Diop");
    member = server.client();
    member.registerAndSignIn("member@ntra.eg", "Ahmed Hassan");
    String group = Contributions.group(admin, "SG1RGQ", "public", "member@ntra.eg");
    assertThat(admin.post("/api/groups/" + group + "/members", new JsonObject().put("email", "chair@artp.sn")
        .put("role", "chair")).statusCode()).isEqualTo(201);
  }

  JsonArray items(String path) {
    var response = admin.get(path);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items");
  }

  @Test
  @DisplayName("The admin filters the audit log by action prefix and by who acted")
  void auditFiltersByActionAndActor() {
    JsonArray groupActions = items("/api/audit?action=group.");
    assertThat(groupActions).isNotEmpty();
    assertThat(groupActions.stream().map(o -> ((JsonObject) o).getString("action")))
        .allMatch(a -> a.startsWith("group."));
    JsonArray roles = items("/api/audit?action=account.roles");
    assertThat(roles).hasSize(1);
    assertThat(roles.getJsonObject(0).getString("subjectId")).isEqualTo(secretariatId);
    assertThat(items("/api/audit?actor=" + TestServer.ADMIN_EMAIL.toUpperCase()))
        .isNotEmpty().allMatch(o -> TestServer.ADMIN_EMAIL.equals(((JsonObject) o).getString("actorEmail")));
    assertThat(items("/api/audit?actor=member@ntra.eg")).singleElement()
        .matches(o -> ((JsonObject) o).getString("action").equals("account.register"));
    assertThat(items("/api/audit?actor=member@ntra.eg&action=group.")).isEmpty();
  }

  @Test
  @DisplayName("Filters that are not an action or an e-mail address are 400s naming the parameter")
  void badAuditFiltersAreNamed() {
    assertFieldProblem(admin.get("/api/audit?action=group.*"), 400, "action");
    assertFieldProblem(admin.get("/api/audit?action=%24where"), 400, "action");
    assertFieldProblem(admin.get("/api/audit?actor=nobody"), 400, "actor");
    assertFieldProblem(admin.get("/api/admin/users?limit=0"), 400, "limit");
  }

  @Test
  @DisplayName("Only admins read the audit log and the accounts: not the secretariat, a chair, a member or a visitor")
  void onlyAdminsReadTheAdminPagesData() {
    for (String path : List.of("/api/audit?action=group.", "/api/admin/users")) {
      for (ApiClient refused : List.of(secretariat, chair, member)) {
        assertProblem(refused.get(path), 403);
      }
      assertProblem(server.client().get(path), 401);
      assertThat(admin.get(path).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("The admin finds people by name or address, with their roles, grants one and revokes it")
  void adminListsAccountsAndChangesRoles() {
    var page = admin.get("/api/admin/users?q=MARTIN").bodyAsJsonObject();
    assertThat(page.getLong("total")).isEqualTo(1);
    JsonObject helene = page.getJsonArray("items").getJsonObject(0);
    assertThat(helene.getString("email")).isEqualTo("helene@itu.example");
    assertThat(helene.getJsonArray("roles")).containsExactly("secretariat");
    assertThat(helene.containsKey("password")).isFalse();
    assertThat(admin.get("/api/admin/users?q=ntra.eg").bodyAsJsonObject().getLong("total")).isEqualTo(1);
    assertThat(admin.get("/api/admin/users?q=.*").bodyAsJsonObject().getLong("total")).isZero();
    assertThat(admin.get("/api/admin/users").bodyAsJsonObject().getLong("total")).isEqualTo(4);

    assertThat(admin.put("/api/accounts/" + secretariatId + "/roles", new JsonObject()
        .put("roles", new JsonArray())).statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/admin/users?q=helene").bodyAsJsonObject().getJsonArray("items").getJsonObject(0)
        .getJsonArray("roles")).isEmpty();
    assertProblem(secretariat.get("/api/admin/users"), 403);
    assertProblem(chair.put("/api/accounts/" + secretariatId + "/roles", new JsonObject()
        .put("roles", new JsonArray().add("admin"))), 403);
  }
}
