package org.rapporteur.joining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.ServerTest;

/** Asking to join a group, and its chairs, vice-chairs and secretariat deciding, each side told. */
class JoinRequestTest extends ServerTest {
  ApiClient admin;
  String group;
  ApiClient chair;
  ApiClient viceChair;
  ApiClient groupSecretariat;
  ApiClient rapporteur;
  ApiClient member;
  ApiClient asker;
  ApiClient stranger;

  @BeforeEach
  void start() {
    admin = server.admin();
    group = ok(admin.post("/api/groups", new JsonObject().put("code", "SG3RG-AFR").put("sector", "ITU-T")
        .put("region", "AFR").put("kind", "regional-group").put("title", "SG3 Regional Group for Africa")
        .put("mandate", "Tariffs in Africa").put("visibility", "public")), 201).getString("id");
    chair = person("aminata@artp.sn", "Aminata Diop", "chair");
    viceChair = person("kwame@nca.gh", "Kwame Mensah", "vice-chair");
    groupSecretariat = person("officer@itu.example", "Sara Officer", "secretariat");
    rapporteur = person("ahmed@ntra.eg", "Ahmed Hassan", "rapporteur");
    member = person("aibek@kstu.kg", "Aibek Toktogulov", "member");
    asker = server.client();
    asker.registerAndSignIn("moussa@arcep.ml", "Moussa Keita");
    stranger = server.client();
    stranger.registerAndSignIn("claire@orange.fr", "Claire Dubois");
  }

  ApiClient person(String email, String name, String role) {
    ApiClient client = server.client();
    client.registerAndSignIn(email, name);
    ok(admin.post("/api/groups/" + group + "/members", new JsonObject().put("email", email).put("role", role)), 201);
    return client;
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  String path(String tail) {
    return "/api/groups/" + group + "/join-requests" + tail;
  }

  static List<JsonObject> notifications(ApiClient client, String kind) {
    JsonArray items = ok(client.get("/api/notifications"), 200).getJsonArray("items");
    return items.stream().map(o -> (JsonObject) o).filter(n -> n.getString("kind").equals(kind)).toList();
  }

  @Test
  @DisplayName("A person asks, the managers are told, the chair accepts, and the person is a member and told so")
  void askedAcceptedAndTold() {
    JsonObject asked = ok(asker.post(path(""), new JsonObject().put("message", "I follow roaming for ARCEP Mali")), 201);
    assertThat(asked.getString("state")).isEqualTo("pending");
    assertThat(asked.getString("email")).as("the asker's own view").isNull();
    assertThat(ok(asker.get(path("/mine")), 200).getJsonObject("request").getString("id")).isEqualTo(asked.getString("id"));
    assertProblem(asker.post(path(""), new JsonObject()), 409);

    for (ApiClient manager : List.of(chair, viceChair, groupSecretariat)) {
      Eventually.until(() -> notifications(manager, "join.requested"), list -> list.size() == 1, "join.requested");
      JsonObject params = notifications(manager, "join.requested").get(0).getJsonObject("params");
      assertThat(params.getString("groupCode")).isEqualTo("SG3RG-AFR");
      assertThat(params.getString("name")).isEqualTo("Moussa Keita");
      assertThat(notifications(manager, "join.requested").get(0).containsKey("text")).isFalse();
    }
    assertThat(notifications(rapporteur, "join.requested")).isEmpty();
    assertThat(notifications(member, "join.requested")).isEmpty();

    JsonArray pending = ok(chair.get(path("")), 200).getJsonArray("items");
    assertThat(pending).hasSize(1);
    assertThat(pending.getJsonObject(0).getString("email")).isEqualTo("moussa@arcep.ml");
    assertThat(pending.getJsonObject(0).getString("message")).isEqualTo("I follow roaming for ARCEP Mali");

    JsonObject accepted = ok(chair.post(path("/" + asked.getString("id") + "/accept"), new JsonObject()), 200);
    assertThat(accepted.getString("state")).isEqualTo("accepted");
    assertThat(ok(asker.get("/api/groups/" + group), 200).getString("myRole")).isEqualTo("member");
    Eventually.until(() -> notifications(asker, "join.accepted"), list -> list.size() == 1, "join.accepted");
    assertThat(notifications(asker, "join.accepted").get(0).getJsonObject("params").getString("groupId")).isEqualTo(group);
    assertThat(ok(chair.get(path("")), 200).getJsonArray("items")).isEmpty();
    assertThat(ok(asker.get(path("/mine")), 200).getValue("request")).isNull();

    assertProblem(viceChair.post(path("/" + asked.getString("id") + "/decline"), new JsonObject()), 409);
    assertProblem(asker.post(path(""), new JsonObject()), 409);
  }

  @Test
  @DisplayName("A declined person is told, stays outside, and may ask again")
  void declinedAndAskedAgain() {
    String id = ok(asker.post(path(""), new JsonObject()), 201).getString("id");
    assertThat(ok(viceChair.post(path("/" + id + "/decline"), new JsonObject()), 200).getString("state"))
        .isEqualTo("declined");
    Eventually.until(() -> notifications(asker, "join.declined"), list -> list.size() == 1, "join.declined");
    assertThat(ok(asker.get("/api/groups/" + group), 200).getValue("myRole")).isNull();
    String again = ok(asker.post(path(""), new JsonObject()), 201).getString("id");
    assertThat(again).isNotEqualTo(id);
    // Decided requests hold no pending key: any number of them stand beside the one waiting.
    ok(chair.post(path("/" + again + "/decline"), new JsonObject()), 200);
    ok(asker.post(path(""), new JsonObject()), 201);
    assertProblem(asker.post(path(""), new JsonObject()), 409);
  }

  @Test
  @DisplayName("Only the chairs, vice-chairs, the group's secretariat and staff read and decide requests")
  void whoMayReadAndDecide() {
    String id = ok(asker.post(path(""), new JsonObject()), 201).getString("id");
    ApiClient anonymous = server.client();
    assertProblem(anonymous.get(path("")), 401);
    assertProblem(anonymous.get(path("/mine")), 401);
    assertProblem(anonymous.post(path(""), new JsonObject()), 401);
    assertProblem(anonymous.post(path("/" + id + "/accept"), new JsonObject()), 401);
    for (ApiClient refused : List.of(asker, stranger, member, rapporteur)) {
      assertProblem(refused.get(path("")), 403);
      assertProblem(refused.post(path("/" + id + "/accept"), new JsonObject()), 403);
      assertProblem(refused.post(path("/" + id + "/decline"), new JsonObject()), 403);
    }
    assertProblem(member.post(path(""), new JsonObject()), 409);

    ApiClient globalSecretariat = server.client();
    String officer = globalSecretariat.registerAndSignIn("bdt@itu.example", "BDT Officer").getString("id");
    ok(admin.put("/api/accounts/" + officer + "/roles", new JsonObject().put("roles", new JsonArray().add("secretariat"))),
        200);
    globalSecretariat.signIn("bdt@itu.example", ApiClient.PASSWORD);
    for (ApiClient allowed : List.of(chair, viceChair, groupSecretariat, admin, globalSecretariat)) {
      assertThat(ok(allowed.get(path("")), 200).getJsonArray("items")).hasSize(1);
    }
    assertThat(ok(asker.get(path("/mine")), 200).getJsonObject("request").getString("state")).isEqualTo("pending");
    assertThat(ok(groupSecretariat.post(path("/" + id + "/accept"), new JsonObject()), 200).getString("state"))
        .isEqualTo("accepted");
  }

  @Test
  @DisplayName("Bad input names the field and stores no request")
  void badInputStoresNothing() {
    assertFieldProblem(asker.post(path(""), new JsonObject().put("message", "x".repeat(1001))), 400, "message");
    assertFieldProblem(asker.post(path(""), new JsonObject().put("role", "chair")), 400, "role");
    assertFieldProblem(asker.post(path(""), new JsonObject().put("message", 42)), 400, "message");
    assertProblem(asker.request(io.vertx.core.http.HttpMethod.POST, path("")).sendBuffer(Buffer.buffer("join"))
        .await(), 415);
    assertProblem(chair.post(path("/not-an-id/accept"), new JsonObject()), 404);
    assertProblem(chair.post(path("/0123456789abcdef01234567/accept"), new JsonObject()), 404);
    assertThat(ok(chair.get(path("")), 200).getJsonArray("items")).isEmpty();
    assertThat(ok(asker.get(path("/mine")), 200).getValue("request")).isNull();
    assertThat(notifications(chair, "join.requested")).isEmpty();
  }
}
