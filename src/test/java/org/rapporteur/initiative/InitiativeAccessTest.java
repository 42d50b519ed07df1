package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapporteur.support.ApiClient;

/** Who may read and change initiatives, projects, partners and rates; 403 comes before any check of the body. */
@ExtendWith(VertxExtension.class)
class InitiativeAccessTest extends InitiativeServerTest {
  static final JsonObject GARBAGE = new JsonObject().put("nonsense", true);

  @Test
  void writesByAnyoneButStaffAreRefusedBeforeTheBodyIsRead() {
    for (String path : new String[] {"/api/initiatives", "/api/projects", "/api/partners",
        "/api/initiatives/" + fx.afr1 + "/consultations", "/api/initiatives/forum"}) {
      assertProblem(fx.anonymous.post(path, GARBAGE), 401);
      assertProblem(fx.outsider.post(path, GARBAGE), 403);
      assertProblem(fx.manager.post(path, GARBAGE), 403);
      assertProblem(fx.delegate.post(path, GARBAGE), 403);
      assertProblem(fx.secretariat.post(path, GARBAGE), 400);
      assertProblem(fx.admin.post(path, GARBAGE), 400);
    }
    assertProblem(fx.outsider.patch("/api/initiatives/" + fx.afr1, GARBAGE), 403);
    assertProblem(fx.outsider.patch("/api/partners/" + fx.atu, GARBAGE), 403);
    assertProblem(fx.outsider.put("/api/exchange-rates/2026-04", GARBAGE), 403);
    assertProblem(fx.secretariat.patch("/api/initiatives/" + fx.afr1, GARBAGE), 400);
  }

  @Test
  void anonymousVisitorsBrowseInitiativesPartnersAndPublishedProjectsOnly() {
    String published = fx.createProject(fx.project("9RAF10084-04"));
    String hidden = fx.createProject(fx.project("9RAF10085-01").put("published", false));
    assertThat(ok(fx.anonymous.get("/api/initiatives"), 200).getLong("total")).isEqualTo(2);
    assertThat(ok(fx.anonymous.get("/api/initiatives/" + fx.afr1), 200).getString("region")).isEqualTo("AFR");
    JsonObject partner = ok(fx.anonymous.get("/api/partners/" + fx.atu), 200);
    assertThat(partner.containsKey("contacts")).as("contacts are for signed-in readers").isFalse();
    ok(fx.anonymous.get("/api/projects/" + published), 200);
    assertProblem(fx.anonymous.get("/api/projects/" + hidden), 404);
    assertProblem(fx.outsider.get("/api/projects/" + hidden), 404);
    ok(fx.manager.get("/api/projects/" + hidden), 200);
    ok(fx.secretariat.get("/api/projects/" + hidden), 200);
    ok(fx.admin.get("/api/projects/" + hidden), 200);
    assertThat(ok(fx.anonymous.get("/api/projects"), 200).getLong("total")).isEqualTo(1);
    assertThat(ok(fx.manager.get("/api/projects"), 200).getLong("total")).isEqualTo(2);
    assertThat(ok(fx.secretariat.get("/api/projects"), 200).getLong("total")).isEqualTo(2);
  }

  @Test
  void aProjectIsChangedByItsManagersAndTheSecretariatOnly() {
    String id = fx.createProject(fx.project("9RAF10084-04"));
    String path = "/api/projects/" + id;
    assertProblem(fx.anonymous.patch(path, GARBAGE), 401);
    assertProblem(fx.outsider.patch(path, GARBAGE), 403);
    assertProblem(fx.delegate.patch(path, GARBAGE), 403);
    assertFieldProblem(fx.manager.patch(path, GARBAGE), 400, "nonsense");
    JsonObject changed = ok(fx.manager.patch(path, new JsonObject().put("status", "finalisation")), 200);
    assertThat(changed.getString("status")).isEqualTo("finalisation");
    assertThat(changed.getInteger("statusCode")).isEqualTo(3);
    ok(fx.secretariat.patch(path, new JsonObject().put("seekingPartners", true)), 200);
    ok(fx.admin.patch(path, new JsonObject().put("replicable", true)), 200);
  }

  @Test
  void lessonsComeFromManagersSecretariatAndTheRegionsDelegates() {
    String id = fx.createProject(fx.project("9RAF10084-04"));
    String path = "/api/projects/" + id + "/lessons";
    JsonObject lesson = new JsonObject().put("worked", "Early buy-in from the ministry");
    assertProblem(fx.anonymous.post(path, GARBAGE), 401);
    assertProblem(fx.outsider.post(path, GARBAGE), 403);
    assertFieldProblem(fx.delegate.post(path, GARBAGE), 400, "nonsense");
    for (ApiClient author : new ApiClient[] {fx.delegate, fx.manager, fx.secretariat}) {
      ok(author.post(path, lesson), 201);
    }
    JsonObject project = ok(fx.anonymous.get("/api/projects/" + id), 200);
    assertThat(project.getJsonArray("lessons")).hasSize(3);
    assertThat(project.getJsonArray("lessons").getJsonObject(0).getJsonObject("worked").getString("text"))
        .isEqualTo("Early buy-in from the ministry");
    assertThat(project.getJsonArray("lessons").getJsonObject(0).getString("authorCountry")).isEqualTo("Senegal");
  }

  @Test
  void everyChangeIsInTheAuditLog() {
    String id = fx.createProject(fx.project("9RAF10084-04"));
    ok(fx.manager.patch("/api/projects/" + id, new JsonObject().put("status", "closed")), 200);
    ok(fx.manager.post("/api/projects/" + id + "/lessons", new JsonObject().put("worked", "Pilots first")), 201);
    var actions = ok(fx.admin.get("/api/audit?subject=" + id), 200).getJsonArray("items").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
    assertThat(actions).contains("project.create", "project.update", "project.lesson");
    var initiativeActions = ok(fx.admin.get("/api/audit?subject=" + fx.afr1), 200).getJsonArray("items").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
    assertThat(initiativeActions).contains("initiative.create");
    var partnerActions = ok(fx.admin.get("/api/audit?subject=" + fx.atu), 200).getJsonArray("items").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
    assertThat(partnerActions).contains("partner.create");
  }
}
