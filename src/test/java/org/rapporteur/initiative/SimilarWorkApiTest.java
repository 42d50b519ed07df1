package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.TestServer;

/** GET /api/projects/{id}/similar and GET /api/synergies: who may ask, bad input, and an index that follows changes. */
@ExtendWith(VertxExtension.class)
class SimilarWorkApiTest extends InitiativeServerTest {
  /** A cybersecurity project: in Africa by default, in the Arab States under {@code fx.arb2}. */
  private JsonObject cyber(String code, String initiative, String country) {
    return fx.project(code).put("initiativeIds", new JsonArray().add(initiative))
        .put("title", "National cybersecurity strategy and computer incident response team in " + country)
        .put("description", "Support for a national cybersecurity strategy and a national CIRT (computer incident "
            + "response team) with cyber drills")
        .put("sdgTargets", new JsonArray().add("16.a")).put("wsisLines", new JsonArray().add("C5"))
        .put("crossRegion", true);
  }

  private List<JsonObject> similar(ApiClient who, String id) {
    return ok(who.get("/api/projects/" + id + "/similar"), 200).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).toList();
  }

  private static List<String> ids(List<JsonObject> items) {
    return items.stream().map(i -> i.getJsonObject("project").getString("id")).toList();
  }

  @Test
  void aPublishedProjectsSimilarWorkIsPublicAndHoldsOtherRegionsOnly() {
    String senegal = fx.createProject(cyber("9RAF10101-01", fx.afr1, "Senegal"));
    String mali = fx.createProject(cyber("9RAF10102-01", fx.afr1, "Mali"));
    String oman = fx.createProject(cyber("9RAR10103-01", fx.arb2, "Oman"));
    for (ApiClient who : List.of(fx.anonymous, fx.outsider, fx.delegate, fx.manager, fx.secretariat, fx.admin)) {
      List<JsonObject> items = Eventually.until(() -> similar(who, senegal), l -> !l.isEmpty(), "similar work");
      assertThat(ids(items)).containsExactly(oman).doesNotContain(mali, senegal);
    }
    JsonObject answer = ok(fx.anonymous.get("/api/projects/" + senegal + "/similar?lang=fr"), 200);
    assertThat(answer.getInteger("total")).isEqualTo(1);
    JsonObject item = answer.getJsonArray("items").getJsonObject(0);
    assertThat(item.getJsonObject("project").getString("region")).isEqualTo("ARB");
    assertThat(item.getJsonObject("project").getString("code")).isEqualTo("9RAR10103-01");
    assertThat(item.getJsonObject("project").getString("status")).isEqualTo("implementation");
    assertThat(item.getJsonObject("project").getJsonObject("title").getString("lang")).isEqualTo("en");
    assertThat(item.getJsonObject("project").getJsonObject("title").getBoolean("original")).isTrue();
    assertThat(item.getDouble("score")).isBetween(0.3, 1.0);
    assertThat(item.getJsonArray("sharedTerms").getList()).contains("cybersecurity");
    assertThat(item.getJsonArray("sharedTags").getList()).containsExactlyInAnyOrder("16.a", "C5");
  }

  @Test
  void anUnpublishedProjectsSimilarWorkIsForItsManagersAndTheSecretariatOnly() {
    fx.createProject(cyber("9RAR10201-01", fx.arb2, "Oman"));
    String draft = fx.createProject(cyber("9RAF10202-01", fx.afr1, "Senegal").put("published", false));
    assertProblem(fx.anonymous.get("/api/projects/" + draft + "/similar"), 404);
    assertProblem(fx.outsider.get("/api/projects/" + draft + "/similar"), 404);
    assertProblem(fx.delegate.get("/api/projects/" + draft + "/similar"), 404);
    for (ApiClient who : List.of(fx.manager, fx.secretariat, fx.admin)) {
      assertThat(Eventually.until(() -> similar(who, draft), l -> !l.isEmpty(), "similar work")).hasSize(1);
    }
  }

  @Test
  void unpublishedProjectsAmongTheResultsShowOnlyToAdminsAndTheSecretariat() {
    String oman = fx.createProject(cyber("9RAR10301-01", fx.arb2, "Oman"));
    String hidden = fx.createProject(cyber("9RAR10302-01", fx.arb2, "Jordan").put("published", false));
    for (ApiClient staff : List.of(fx.secretariat, fx.admin)) {
      assertThat(ids(Eventually.until(() -> similar(staff, oman), l -> l.isEmpty(), "nothing in ARB's own region")))
          .isEmpty();
    }
    String senegal = fx.createProject(cyber("9RAF10303-01", fx.afr1, "Senegal"));
    for (ApiClient staff : List.of(fx.secretariat, fx.admin)) {
      assertThat(ids(Eventually.until(() -> similar(staff, senegal), l -> l.size() == 2, "both Arab projects")))
          .containsExactlyInAnyOrder(oman, hidden);
    }
    for (ApiClient reader : List.of(fx.anonymous, fx.outsider, fx.delegate, fx.manager)) {
      assertThat(ids(similar(reader, senegal))).containsExactly(oman);
    }
  }

  @Test
  void badLimitsAndUnknownProjectsAreRefused() {
    String id = fx.createProject(cyber("9RAF10401-01", fx.afr1, "Senegal"));
    for (String limit : List.of("0", "21", "-1", "five")) {
      assertFieldProblem(fx.anonymous.get("/api/projects/" + id + "/similar?limit=" + limit), 400, "limit");
    }
    assertThat(ok(fx.anonymous.get("/api/projects/" + id + "/similar?limit=20"), 200).getJsonArray("items"))
        .isNotNull();
    assertProblem(fx.anonymous.get("/api/projects/" + "a".repeat(24) + "/similar"), 404);
    assertProblem(fx.anonymous.get("/api/projects/not-an-id/similar"), 404);
    assertFieldProblem(fx.secretariat.get("/api/synergies?limit=0"), 400, "limit");
    assertFieldProblem(fx.secretariat.get("/api/synergies?limit=201"), 400, "limit");
    assertFieldProblem(fx.secretariat.get("/api/synergies?offset=-1"), 400, "offset");
  }

  @Test
  void theSynergyViewIsForAdminsAndTheSecretariat() {
    String senegal = fx.createProject(cyber("9RAF10501-01", fx.afr1, "Senegal"));
    String oman = fx.createProject(cyber("9RAR10502-01", fx.arb2, "Oman"));
    assertProblem(fx.anonymous.get("/api/synergies"), 401);
    assertProblem(fx.outsider.get("/api/synergies"), 403);
    assertProblem(fx.delegate.get("/api/synergies"), 403);
    assertProblem(fx.manager.get("/api/synergies"), 403);
    assertProblem(fx.anonymous.get("/api/synergies?limit=0"), 401);
    for (ApiClient staff : List.of(fx.secretariat, fx.admin)) {
      JsonObject answer = Eventually.until(() -> ok(staff.get("/api/synergies"), 200), a -> a.getInteger("total") == 1,
          "one cross-region pair");
      JsonObject pair = answer.getJsonArray("items").getJsonObject(0);
      assertThat(List.of(pair.getJsonObject("a").getString("id"), pair.getJsonObject("b").getString("id")))
          .containsExactlyInAnyOrder(senegal, oman);
      assertThat(pair.getJsonArray("sharedTags").getList()).contains("C5");
      assertThat(pair.getJsonArray("sharedTerms").getList()).isNotEmpty();
    }
    assertThat(ok(fx.secretariat.get("/api/synergies?offset=1"), 200).getJsonArray("items")).isEmpty();
    fx.createProject(cyber("9RAR10503-01", fx.arb2, "Jordan"));
    Eventually.until(() -> ok(fx.secretariat.get("/api/synergies"), 200).getInteger("total"), total -> total == 2,
        "the kept pairs are computed again after a change");
  }

  @Test
  void aMissingIndexIsRebuiltFromTheProjectsAtStart(Vertx vertx) throws Exception {
    String senegal = fx.createProject(cyber("9RAF10701-01", fx.afr1, "Senegal"));
    String oman = fx.createProject(cyber("9RAR10702-01", fx.arb2, "Oman"));
    Eventually.until(() -> ids(similar(fx.anonymous, senegal)), l -> l.contains(oman), "indexed");
    server.close();
    try (var files = java.nio.file.Files.walk(dataDir.resolve("projects"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    server = TestServer.start(vertx, server.config());
    assertThat(ids(similar(server.client(), senegal))).as("answered at once after start").containsExactly(oman);
  }

  @Test
  void theIndexFollowsChangesWithoutARestart(Vertx vertx) {
    String senegal = fx.createProject(cyber("9RAF10601-01", fx.afr1, "Senegal"));
    assertThat(similar(fx.anonymous, senegal)).isEmpty();
    String oman = fx.createProject(cyber("9RAR10602-01", fx.arb2, "Oman"));
    Eventually.until(() -> ids(similar(fx.anonymous, senegal)), l -> l.contains(oman), "a new project appears");
    ok(fx.secretariat.patch("/api/projects/" + oman, new JsonObject().put("published", false)), 200);
    Eventually.until(() -> ids(similar(fx.anonymous, senegal)), List::isEmpty, "an unpublished project disappears");
    ok(fx.secretariat.patch("/api/projects/" + oman, new JsonObject().put("published", true)), 200);
    Eventually.until(() -> ids(similar(fx.anonymous, senegal)), l -> l.contains(oman), "published again, it is back");
    ProjectChanged gone = server.app().services().initiatives().projects().page(null, 10).await().stream()
        .filter(p -> p.id().equals(oman)).findFirst().orElseThrow();
    vertx.eventBus().publish(Addresses.PROJECT_CHANGED, new ProjectChanged(gone.id(), gone.code(), gone.region(),
        gone.initiativeIds(), gone.status(), gone.title(), gone.description(), gone.results(), gone.lessons(),
        gone.originalLanguage(), gone.sdgTargets(), gone.wsisLines(), false, null, true, true).toJson());
    Eventually.until(() -> ids(similar(fx.secretariat, senegal)), List::isEmpty, "a deleted project disappears");
  }
}
