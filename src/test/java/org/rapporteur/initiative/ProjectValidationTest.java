package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each bad-input rule answers 400 naming the field, and nothing stored changes. */
@ExtendWith(VertxExtension.class)
class ProjectValidationTest extends InitiativeServerTest {
  /** Creating fails naming {@code field}; patching an existing project the same way fails and leaves it as it was. */
  void refused(String field, Consumer<JsonObject> spoil) {
    JsonObject bad = fx.project("9RAF20001-01");
    spoil.accept(bad);
    long before = ok(fx.secretariat.get("/api/projects"), 200).getLong("total");
    assertFieldProblem(fx.secretariat.post("/api/projects", bad), 400, field);
    assertThat(ok(fx.secretariat.get("/api/projects"), 200).getLong("total")).isEqualTo(before);

    String id = fx.createProject(fx.project("9RAF2" + String.format("%04d", (int) before) + "-01"));
    JsonObject stored = ok(fx.secretariat.get("/api/projects/" + id), 200);
    bad.remove("code");
    assertFieldProblem(fx.manager.patch("/api/projects/" + id, bad), 400, field);
    assertThat(ok(fx.secretariat.get("/api/projects/" + id), 200)).isEqualTo(stored);
  }

  @Test
  void unknownCountryIsNamedByItsPosition() {
    refused("countries[1].code", p -> p.getJsonArray("countries").getJsonObject(1).put("code", "XQ"));
  }

  @Test
  void sharesMustAddUpToOneHundred() {
    refused("countries", p -> p.getJsonArray("countries").getJsonObject(1).put("share", 30));
  }

  @Test
  void unknownSdgTargetAndWsisLineAreRefused() {
    refused("sdgTargets[1]", p -> p.getJsonArray("sdgTargets").set(1, "9.z"));
    refused("wsisLines[0]", p -> p.getJsonArray("wsisLines").set(0, "C12"));
  }

  @Test
  void negativeSumsAreRefused() {
    refused("budget.amount", p -> p.getJsonObject("budget").put("amount", -5));
    refused("partners[0].contributions[0].amount",
        p -> p.getJsonArray("partners").getJsonObject(0).getJsonArray("contributions").getJsonObject(0)
            .put("amount", -1));
  }

  @Test
  void aCurrencyWithoutARateForItsMonthIsRefused() {
    refused("partners[0].contributions[0].currency",
        p -> p.getJsonArray("partners").getJsonObject(0).getJsonArray("contributions").getJsonObject(0)
            .put("date", "2026-04-02"));
    refused("budget.currency", p -> p.put("budget", new JsonObject().put("amount", 10).put("currency", "GBP")
        .put("date", "2026-03-01")));
    refused("expenditure[0].currency", p -> p.put("expenditure", new JsonArray().add(new JsonObject()
        .put("year", 2024).put("amount", 100).put("currency", "EUR"))));
  }

  @Test
  void anActualBeforeTheBaselineYearIsRefused() {
    refused("results[0].indicators[0].actuals[0].year", p -> p.getJsonArray("results").getJsonObject(0)
        .getJsonArray("indicators").getJsonObject(0).getJsonArray("actuals").getJsonObject(0).put("year", 2024));
  }

  @Test
  void anotherRegionsInitiativeNeedsCrossRegion() {
    refused("initiativeIds[1]", p -> p.getJsonArray("initiativeIds").add(fx.arb2));
    JsonObject crossing = fx.project("9RAF30001-01");
    crossing.getJsonArray("initiativeIds").add(fx.arb2);
    crossing.put("crossRegion", true);
    JsonObject created = ok(fx.secretariat.post("/api/projects", crossing), 201);
    assertThat(created.getString("region")).isEqualTo("AFR");
    assertThat(created.getJsonArray("initiatives")).hasSize(2);
  }

  @Test
  void unknownRegionAndCycleOfAnInitiativeAreRefused() {
    long before = ok(fx.anonymous.get("/api/initiatives"), 200).getLong("total");
    assertFieldProblem(fx.secretariat.post("/api/initiatives", InitiativeFixture.initiative("XYZ", "AFR3", "T")), 400,
        "region");
    assertFieldProblem(fx.secretariat.post("/api/initiatives", InitiativeFixture.initiative("AFR", "AFR3", "T")
        .put("cycle", "WTDC-99")), 400, "cycle");
    assertFieldProblem(fx.secretariat.post("/api/initiatives", InitiativeFixture.initiative("AFR", "EUR3", "T")), 400,
        "code");
    assertThat(ok(fx.anonymous.get("/api/initiatives"), 200).getLong("total")).isEqualTo(before);
    assertFieldProblem(fx.anonymous.get("/api/projects?country=XQ"), 400, "country");
    assertFieldProblem(fx.anonymous.get("/api/projects?region=MARS"), 400, "region");
  }

  @Test
  void aCodeIsUniqueWithinItsCycle() {
    var again = fx.secretariat.post("/api/initiatives", InitiativeFixture.initiative("AFR", "AFR1", "Again"));
    assertThat(again.statusCode()).isEqualTo(409);
    ok(fx.secretariat.post("/api/initiatives", InitiativeFixture.initiative("AFR", "AFR1", "Last cycle's")
        .put("cycle", "WTDC-22")), 201);
  }

  @Test
  void ratesNeedKnownCurrenciesAndPositiveValues() {
    assertFieldProblem(fx.secretariat.put("/api/exchange-rates/2026-05", new JsonObject().put("rates",
        new JsonObject().put("EUR", 0.9).put("ZZZ", 2))), 400, "rates.ZZZ");
    assertFieldProblem(fx.secretariat.put("/api/exchange-rates/2026-05", new JsonObject().put("rates",
        new JsonObject().put("EUR", -1))), 400, "rates.EUR");
    assertFieldProblem(fx.secretariat.put("/api/exchange-rates/2026-13", new JsonObject().put("rates",
        new JsonObject().put("EUR", 1))), 400, "month");
    assertThat(fx.anonymous.get("/api/exchange-rates/2026-05").statusCode()).isEqualTo(404);
    assertThat(ok(fx.anonymous.get("/api/exchange-rates/2026-03"), 200).getJsonObject("rates").getDouble("EUR"))
        .isEqualTo(0.92);
  }
}
