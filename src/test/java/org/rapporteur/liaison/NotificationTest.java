package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;

/** Notifications as data for the browser to word: a kind and its parameters, once per statement and person. */
class NotificationTest extends LiaisonServerTest {
  String sg2;

  @BeforeEach
  void start() {
    sg2 = f.group("ITU-D-SG2", "ITU-D", null, "study-group", "Digital transformation");
    ok(f.admin.post("/api/groups/" + sg2 + "/members", new JsonObject().put("email", "joao@anatel.br")
        .put("role", "chair")), 201);
  }

  static List<JsonObject> items(ApiClient client, String query) {
    return ok(client.get("/api/notifications" + query), 200).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).toList();
  }

  @Test
  @DisplayName("A chair of two addressed groups is told once, with both groups named, and no sentence from the server")
  void oneNotificationPerStatementPerPerson() {
    Instant due = Instant.now().plus(Duration.ofDays(30));
    JsonObject sent = f.sendFromSg3(f.roamingDraft(due).put("to", new JsonArray().add(f.sg1).add(sg2)));

    List<JsonObject> chairs = items(f.sg1Chair, "");
    assertThat(chairs).hasSize(1);
    JsonObject notice = chairs.get(0);
    assertThat(notice.getString("kind")).isEqualTo("liaison.received");
    assertThat(notice.getString("liaisonId")).isEqualTo(sent.getString("id"));
    assertThat(notice.fieldNames()).doesNotContain("title", "text");
    JsonObject params = notice.getJsonObject("params");
    assertThat(params.getJsonArray("groups").getList()).containsExactlyInAnyOrder("ITU-D-SG1", "ITU-D-SG2");
    assertThat(params.getString("number")).isEqualTo("LS/SG3RG-AFR/1");
    assertThat(params.getString("from")).isEqualTo("SG3RG-AFR");
    assertThat(params.getString("purpose")).isEqualTo("for-action");
    assertThat(Instant.parse(params.getString("deadline"))).isEqualTo(Instant.parse(sent.getString("deadline")));

    List<JsonObject> rapporteurs = items(f.sg1Rapporteur, "");
    assertThat(rapporteurs).hasSize(1);
    assertThat(rapporteurs.get(0).getJsonObject("params").getJsonArray("groups").getList()).containsExactly("ITU-D-SG1");
  }

  @Test
  @DisplayName("Mark all as read reads every notification of the reader and nobody else's")
  void markAllAsRead() {
    f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(30))));
    f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(40))));
    assertThat(items(f.sg1Chair, "?unread=true")).hasSize(2);
    assertThat(items(f.sg1Rapporteur, "?unread=true")).hasSize(2);

    assertThat(f.sg1Chair.post("/api/notifications/read-all", new JsonObject()).statusCode()).isEqualTo(204);
    assertThat(items(f.sg1Chair, "?unread=true")).isEmpty();
    assertThat(items(f.sg1Chair, "")).hasSize(2).allSatisfy(n -> assertThat(n.getBoolean("read")).isTrue());
    assertThat(items(f.sg1Rapporteur, "?unread=true")).as("another reader's stay unread").hasSize(2);
    assertThat(f.outsider.post("/api/notifications/read-all", new JsonObject()).statusCode()).isEqualTo(204);
    assertThat(items(f.sg1Rapporteur, "?unread=true")).hasSize(2);
    assertProblem(server.client().post("/api/notifications/read-all", new JsonObject()), 401);
  }
}
