package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

/**
 * Two groups in different sectors with their people: the ITU-T SG3 Regional Group for Africa
 * (chair, rapporteur, member) and ITU-D Study Group 1 (chair, rapporteur) with Question 4/1, plus
 * someone who belongs to neither.
 */
public final class LiaisonFixture {
  public final TestServer server;
  public final ApiClient admin;
  public final String sg3;
  public final String sg1;
  public final ApiClient sg3Chair;
  public final ApiClient sg3Rapporteur;
  public final ApiClient sg3Member;
  public final ApiClient sg1Chair;
  public final ApiClient sg1Rapporteur;
  public final ApiClient outsider;
  public final JsonObject sg1ChairAccount;

  public LiaisonFixture(TestServer server) {
    this.server = server;
    this.admin = server.admin();
    this.sg3 = group("SG3RG-AFR", "ITU-T", "AFR", "regional-group",
        "Tariff and accounting principles, economic and policy issues in Africa: international roaming, OTT services");
    this.sg1 = group("ITU-D-SG1", "ITU-D", null, "study-group", "Enabling environment for meaningful connectivity");
    ok(admin.post("/api/groups/" + sg1 + "/questions", new JsonObject().put("number", "Q4/1")
        .put("title", "Economic policies and methods of determining the costs of telecommunication/ICT services")), 201);
    ok(admin.post("/api/groups/" + sg3 + "/questions", new JsonObject().put("number", "Q1/3")
        .put("title", "International roaming charges and inter-operator tariffs in Africa")), 201);
    sg3Chair = person("aminata@artp.sn", "Aminata Diop", sg3, "chair");
    sg3Rapporteur = person("ahmed@ntra.eg", "Ahmed Hassan", sg3, "rapporteur");
    sg3Member = person("aibek@kstu.kg", "Aibek Toktogulov", sg3, "member");
    sg1Chair = person("joao@anatel.br", "João Silva", sg1, "chair");
    sg1ChairAccount = sg1Chair.get("/api/me").bodyAsJsonObject();
    sg1Rapporteur = person("lan@mic.vn", "Nguyễn Thị Lan", sg1, "rapporteur");
    outsider = server.client();
    outsider.registerAndSignIn("claire@orange.fr", "Claire Dubois");
  }

  String group(String code, String sector, String region, String kind, String mandate) {
    JsonObject body = new JsonObject().put("code", code).put("sector", sector).put("kind", kind)
        .put("title", code).put("mandate", mandate).put("visibility", "public");
    if (region != null) {
      body.put("region", region);
    }
    return ok(admin.post("/api/groups", body), 201).getString("id");
  }

  ApiClient person(String email, String name, String groupId, String role) {
    ApiClient client = server.client();
    client.registerAndSignIn(email, name);
    ok(admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", email).put("role", role)), 201);
    return client;
  }

  /** A for-action statement from SG3RG-AFR to ITU-D SG1 on roaming costs, as a draft. */
  public JsonObject roamingDraft(Instant deadline) {
    return new JsonObject()
        .put("fromGroupId", sg3)
        .put("to", new JsonArray().add(sg1))
        .put("title", "Costing methods for international mobile roaming in Africa")
        .put("purpose", "for-action")
        .put("deadline", deadline.toString())
        .put("questions", new JsonArray().add("Q4/1"))
        .put("body", "SG3RG-AFR thanks ITU-D SG1 and asks Question 4/1 to share its cost models for wholesale "
            + "international roaming charges, to support regional roaming agreements.")
        .put("contacts", new JsonArray().add(new JsonObject().put("name", "Ahmed Hassan")
            .put("email", "ahmed@ntra.eg").put("affiliation", "NTRA Egypt")));
  }

  /** Drafted by the rapporteur, approved and sent by the chair. */
  public JsonObject sendFromSg3(JsonObject draft) {
    String id = ok(sg3Rapporteur.post("/api/liaisons", draft), 201).getString("id");
    ok(sg3Chair.post("/api/liaisons/" + id + "/approve", new JsonObject()), 200);
    return ok(sg3Chair.post("/api/liaisons/" + id + "/send", new JsonObject()), 200);
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }
}
