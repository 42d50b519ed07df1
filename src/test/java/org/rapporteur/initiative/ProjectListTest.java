package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ServerTest;

/** The list filters, paging with totals, and the links both ways between groups and projects. */
class ProjectListTest extends ServerTest {
  InitiativeFixture fx;
  String senegal;
  String kenya;
  String arab;

  @BeforeEach
  void start() {
    fx = new InitiativeFixture(server);
    senegal = fx.createProject(fx.project("9RAF10001-01").put("groupIds", new JsonArray().add(fx.afrGroup)));
    kenya = fx.createProject(fx.project("9RAF10002-01").put("status", "pipeline")
        .put("title", "Early warning system for floods in Kenya")
        .put("countries", new JsonArray().add(new JsonObject().put("code", "KE").put("share", 100)))
        .put("partners", new JsonArray()).put("sdgTargets", new JsonArray().add("13.1"))
        .put("wsisLines", new JsonArray().add("C7")));
    arab = fx.createProject(fx.project("9RAR10003-01").put("initiativeIds", new JsonArray().add(fx.arb2))
        .put("title", "National cybersecurity strategy for Tunisia").put("partners", new JsonArray())
        .put("countries", new JsonArray().add(new JsonObject().put("code", "TN").put("share", 100)))
        .put("wsisLines", new JsonArray().add("C5")));
  }

  List<String> codes(String query) {
    JsonObject page = ok(fx.anonymous.get("/api/projects" + query), 200);
    return page.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("code")).toList();
  }

  @Test
  void eachFilterNarrowsTheList() {
    assertThat(codes("")).containsExactly("9RAF10001-01", "9RAF10002-01", "9RAR10003-01");
    assertThat(codes("?region=ARB")).containsExactly("9RAR10003-01");
    assertThat(codes("?initiative=" + fx.afr1)).containsExactly("9RAF10001-01", "9RAF10002-01");
    assertThat(codes("?status=pipeline")).containsExactly("9RAF10002-01");
    assertThat(codes("?status=2")).containsExactly("9RAF10001-01", "9RAR10003-01");
    assertThat(codes("?country=KE")).containsExactly("9RAF10002-01");
    assertThat(codes("?partner=" + fx.atu)).containsExactly("9RAF10001-01");
    assertThat(codes("?sdg=13.1")).containsExactly("9RAF10002-01");
    assertThat(codes("?wsis=C5")).containsExactly("9RAR10003-01");
    assertThat(codes("?q=cyberSECURITY")).containsExactly("9RAR10003-01");
    assertThat(codes("?q=9RAF1000")).containsExactly("9RAF10001-01", "9RAF10002-01");
    assertThat(codes("?group=" + fx.afrGroup)).containsExactly("9RAF10001-01");
    assertThat(codes("?region=AFR&status=implementation")).containsExactly("9RAF10001-01");
  }

  @Test
  void pagesCarryTheTotal() {
    JsonObject first = ok(fx.anonymous.get("/api/projects?limit=2"), 200);
    assertThat(first.getLong("total")).isEqualTo(3);
    assertThat(first.getJsonArray("items")).hasSize(2);
    JsonObject second = ok(fx.anonymous.get("/api/projects?limit=2&offset=2"), 200);
    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(second.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("9RAR10003-01");
    assertFieldProblem(fx.anonymous.get("/api/projects?limit=201"), 400, "limit");
    assertFieldProblem(fx.anonymous.get("/api/initiatives?offset=-1"), 400, "offset");
    JsonObject initiatives = ok(fx.anonymous.get("/api/initiatives?limit=1&region=ARB"), 200);
    assertThat(initiatives.getLong("total")).isEqualTo(1);
    assertThat(initiatives.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("ARB2");
    assertThat(ok(fx.anonymous.get("/api/initiatives?cycle=WTDC-22"), 200).getLong("total")).isZero();
  }

  @Test
  void aGroupListsItsInitiativesAndProjectsAndAProjectShowsItsLinks() {
    JsonObject linked = ok(fx.anonymous.get("/api/initiatives?group=" + fx.afrGroup), 200);
    assertThat(linked.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("AFR1");
    JsonObject project = ok(fx.anonymous.get("/api/projects/" + kenya), 200);
    assertThat(project.getJsonObject("links").getJsonArray("questions")).contains("Q1/1");
    assertThat(project.getJsonObject("links").getJsonArray("groupIds")).contains(fx.afrGroup);
    assertThat(project.getJsonArray("initiatives").getJsonObject(0).getString("code")).isEqualTo("AFR1");
  }

  @Test
  void aReplicationShowsOnItsSource() {
    String copy = fx.createProject(fx.project("9RAR10004-01").put("initiativeIds", new JsonArray().add(fx.arb2))
        .put("partners", new JsonArray()).put("replicatedFrom", senegal));
    assertThat(ok(fx.anonymous.get("/api/projects/" + senegal), 200).getJsonArray("replications")).containsExactly(copy);
    assertFieldProblem(fx.secretariat.post("/api/projects", fx.project("9RAR10005-01")
        .put("replicatedFrom", "0123456789abcdef01234567")), 400, "replicatedFrom");
  }
}
