package org.rapporteur.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ServerTest;

class WorkspaceTest extends ServerTest {
  ApiClient admin;

  @BeforeEach
  void start() {
    admin = server.admin();
  }

  static JsonObject group(String code, String sector, String region, String visibility) {
    JsonObject body = new JsonObject().put("code", code).put("sector", sector).put("kind", "regional-group")
        .put("title", code + " regional group").put("mandate", "Tariffs and roaming").put("visibility", visibility);
    return region == null ? body : body.put("region", region);
  }

  JsonObject create(JsonObject body) {
    var response = admin.post("/api/groups", body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  @Test
  void staffCreateGroupsOthersCannot() {
    assertProblem(server.client().post("/api/groups", group("SG3RG-AFR", "ITU-T", "AFR", "public")), 401);
    ApiClient expert = server.client();
    expert.registerAndSignIn("expert@example.kg", "Aibek");
    assertProblem(expert.post("/api/groups", group("SG3RG-AFR", "ITU-T", "AFR", "public")), 403);

    JsonObject created = create(group("SG3RG-AFR", "ITU-T", "AFR", "public"));
    assertThat(created.getString("id")).matches("[0-9a-f]{24}");
    assertThat(server.client().get("/api/groups/" + created.getString("id")).bodyAsJsonObject().getString("code"))
        .isEqualTo("SG3RG-AFR");
  }

  @Test
  void duplicateCodesAreRefusedWhateverTheirCase() {
    create(group("SG5RG-ARB", "ITU-T", "ARB", "public"));
    assertFieldProblem(admin.post("/api/groups", group("sg5rg-arb", "ITU-T", "ARB", "public")), 409, "code");
    assertThat(server.client().get("/api/groups").bodyAsJsonObject().getJsonArray("items")).hasSize(1);
  }

  @Test
  void badGroupInputNamesTheField() {
    assertFieldProblem(admin.post("/api/groups", group("SG1", "ITU-R", null, "public")), 400, "sector");
    assertFieldProblem(admin.post("/api/groups", group("../etc", "ITU-D", null, "public")), 400, "code");
    assertFieldProblem(admin.post("/api/groups", group("$where", "ITU-D", null, "public")), 400, "code");
    assertFieldProblem(admin.post("/api/groups", group("SG1", "ITU-D", "MARS", "public")), 400, "region");
    assertFieldProblem(admin.post("/api/groups", group("SG1", "ITU-D", null, "public").put("parentId", "zzz")), 400,
        "parentId");
    assertFieldProblem(admin.post("/api/groups", group("SG1", "ITU-D", null, "public").put("colour", "red")), 400,
        "colour");
    assertProblem(admin.post("/api/groups", group("SG1", "ITU-D", null, "public").put("parentId", "0123456789abcdef01234567")),
        422);
    assertThat(server.client().get("/api/groups").bodyAsJsonObject().getJsonArray("items")).isEmpty();
  }

  @Test
  void listFiltersBySectorAndRegion() {
    create(group("SG3RG-AFR", "ITU-T", "AFR", "public"));
    create(group("SG13RG-AMS", "ITU-T", "AMS", "public"));
    create(group("ITU-D-SG1", "ITU-D", null, "public").put("kind", "study-group"));
    ApiClient anyone = server.client();
    assertThat(codes(anyone.get("/api/groups?sector=ITU-T").bodyAsJsonObject())).containsExactly("SG3RG-AFR", "SG13RG-AMS");
    assertThat(codes(anyone.get("/api/groups?region=AMS").bodyAsJsonObject())).containsExactly("SG13RG-AMS");
    assertThat(codes(anyone.get("/api/groups?kind=study-group").bodyAsJsonObject())).containsExactly("ITU-D-SG1");
    assertThat(codes(anyone.get("/api/groups?q=sg13").bodyAsJsonObject())).containsExactly("SG13RG-AMS");
    assertFieldProblem(anyone.get("/api/groups?sector=ITU-X"), 400, "sector");
  }

  @Test
  void restrictedGroupsAreHiddenFromNonMembers() {
    JsonObject secret = create(group("SG17RG-AFR", "ITU-T", "AFR", "restricted"));
    String path = "/api/groups/" + secret.getString("id");
    ApiClient anonymous = server.client();
    assertProblem(anonymous.get(path), 404);
    assertThat(codes(anonymous.get("/api/groups").bodyAsJsonObject())).isEmpty();

    ApiClient outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Outsider");
    assertProblem(outsider.get(path), 404);

    ApiClient member = server.client();
    member.registerAndSignIn("member@example.org", "Member");
    assertThat(admin.post(path + "/members", new JsonObject().put("email", "member@example.org").put("role", "member"))
        .statusCode()).isEqualTo(201);
    assertThat(member.get(path).statusCode()).isEqualTo(200);
    assertThat(codes(member.get("/api/groups").bodyAsJsonObject())).containsExactly("SG17RG-AFR");
  }

  @Test
  void chairsManageMembersAndQuestionsMembersDoNot() {
    String path = "/api/groups/" + create(group("SG12RG-AFR", "ITU-T", "AFR", "public")).getString("id");
    ApiClient chair = server.client();
    String chairId = chair.registerAndSignIn("chair@example.sn", "Aminata Diop").getString("id");
    ApiClient member = server.client();
    String memberId = member.registerAndSignIn("member@example.eg", "Ahmed Hassan").getString("id");
    admin.post(path + "/members", new JsonObject().put("userId", chairId).put("role", "chair"));

    var added = chair.post(path + "/members", new JsonObject().put("email", "member@example.eg").put("role", "member"));
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    assertFieldProblem(chair.post(path + "/members", new JsonObject().put("userId", memberId).put("role", "member")),
        409, "userId");
    assertProblem(chair.post(path + "/members", new JsonObject().put("email", "nobody@example.org").put("role", "member")),
        422);
    assertProblem(member.post(path + "/members", new JsonObject().put("userId", chairId).put("role", "observer")), 403);
    assertProblem(member.post(path + "/questions", new JsonObject().put("number", "Q1/12").put("title", "QoS")), 403);

    assertThat(chair.put(path + "/members/" + memberId, new JsonObject().put("role", "rapporteur")).statusCode())
        .isEqualTo(200);
    assertThat(chair.post(path + "/questions", new JsonObject().put("number", "Q12/12").put("title", "QoE"))
        .statusCode()).isEqualTo(201);
    assertFieldProblem(chair.post(path + "/questions", new JsonObject().put("number", "Q12/12").put("title", "x")),
        409, "number");
    assertFieldProblem(chair.post(path + "/questions", new JsonObject().put("number", "twelve").put("title", "x")),
        400, "number");

    JsonObject workspace = member.get(path).bodyAsJsonObject();
    assertThat(workspace.getString("myRole")).isEqualTo("rapporteur");
    assertThat(workspace.getBoolean("canManage")).isFalse();
    assertThat(workspace.getJsonArray("questions")).hasSize(1);
    assertThat(workspace.getJsonArray("members").getJsonObject(0).getString("email"))
        .as("members do not see e-mail addresses").isNull();
    assertThat(chair.get(path).bodyAsJsonObject().getJsonArray("members").getJsonObject(0).getString("email"))
        .isNotNull();

    assertThat(chair.delete(path + "/members/" + memberId).statusCode()).isEqualTo(204);
    assertProblem(chair.delete(path + "/members/" + memberId), 404);
  }

  @Test
  void patchChangesOnlyWhatIsGivenAndBadPatchesChangeNothing() {
    JsonObject created = create(group("SG20RG-AFR", "ITU-T", "AFR", "public"));
    String path = "/api/groups/" + created.getString("id");
    assertFieldProblem(admin.patch(path, new JsonObject().put("title", "New title").put("code", "X")), 400, "code");
    assertFieldProblem(admin.patch(path, new JsonObject().put("visibility", "secret")), 400, "visibility");
    assertThat(admin.get(path).bodyAsJsonObject().getString("title")).isEqualTo(created.getString("title"));

    var patched = admin.patch(path, new JsonObject().put("title", "IoT and smart cities — Africa"));
    assertThat(patched.bodyAsJsonObject().getString("title")).isEqualTo("IoT and smart cities — Africa");
    assertThat(patched.bodyAsJsonObject().getString("mandate")).isEqualTo("Tariffs and roaming");
    JsonArray audit = admin.get("/api/audit?subject=" + created.getString("id")).bodyAsJsonObject().getJsonArray("items");
    assertThat(audit.stream().map(e -> ((JsonObject) e).getString("action"))).containsExactly("group.update", "group.create");
  }

  @Test
  void idsThatAreNotIdsAreNotFound() {
    assertProblem(server.client().get("/api/groups/not-an-id"), 404);
    assertProblem(server.client().get("/api/groups/%7B%22$gt%22:%22%22%7D"), 404);
    assertProblem(server.client().get("/api/groups/0123456789abcdef01234567"), 404);
  }

  static java.util.List<String> codes(JsonObject list) {
    return list.getJsonArray("items").stream().map(g -> ((JsonObject) g).getString("code")).toList();
  }
}
