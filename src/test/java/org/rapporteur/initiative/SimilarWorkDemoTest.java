package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.platform.security.GlobalRole;
import org.rapporteur.account.Registration;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.ServerTest;

/** The demo projects that are alike on purpose find each other, over the API, among the twenty. */
class SimilarWorkDemoTest extends ServerTest {
  ApiClient anonymous;
  ApiClient admin;

  @BeforeEach
  void start() {
    anonymous = server.client();
    admin = server.admin();
  }

  private List<JsonObject> similar(ApiClient who, String id) {
    return ok(who.get("/api/projects/" + id + "/similar"), 200).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).toList();
  }

  @Test
  void onTheDemoDataTheTruePairsRankFirstAndReplicationsAreMarked(Vertx vertx) {
    var secretariat = server.app().services().accounts().provision(new Registration("officer@itu.example",
        "a-long-password-1", "Officer", "Switzerland", "BDT"), EnumSet.of(GlobalRole.SECRETARIAT)).await().toActor();
    server.app().demoData().loadInitiatives(secretariat).await();
    ProjectService projects = server.app().services().initiatives().projects();
    List<List<String>> pairs = List.of(List.of("9RAS10001-01", "9RAM20011-01"), List.of("9RAF10002-01", "9RCI20012-01"),
        List.of("9RAS10008-01", "9RAF20013-01"));
    for (List<String> pair : pairs) {
      for (int side = 0; side < 2; side++) {
        String asker = projects.findByCode(pair.get(side)).await().orElseThrow().id();
        String expected = pair.get(1 - side);
        List<JsonObject> items = Eventually.until(() -> similar(anonymous, asker),
            l -> !l.isEmpty() && l.get(0).getJsonObject("project").getString("code").equals(expected),
            "the best match for " + pair.get(side) + " is " + expected);
        assertThat(items.get(0).getJsonArray("sharedTerms")).isNotEmpty();
      }
    }
    String pacific = projects.findByCode("9RAS10001-01").await().orElseThrow().id();
    String caribbean = projects.findByCode("9RAM20011-01").await().orElseThrow().id();
    assertThat(similar(anonymous, caribbean).get(0).getString("replication")).isEqualTo("source");
    assertThat(similar(anonymous, pacific).get(0).getString("replication")).isEqualTo("replica");
    assertThat(similar(anonymous, pacific).stream().skip(1).filter(i -> i.containsKey("replication"))).isEmpty();
    JsonObject strongest = ok(admin.get("/api/synergies?limit=3"), 200);
    System.out.println("Strongest synergies on the demo data: " + strongest.getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getJsonObject("a").getString("code") + "~" + ((JsonObject) o).getJsonObject("b")
            .getString("code") + " " + ((JsonObject) o).getDouble("score")).toList());
    assertThat(strongest.getJsonArray("items")).hasSize(3);
  }
}
