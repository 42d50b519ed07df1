package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapporteur.initiative.Consultation.Financing;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.workspace.Region;

/** The rules that need no server: text fallback, money conversion, the consultation aggregate, code lists. */
class InitiativeRulesTest {
  static final CodeLists CODES = CodeLists.load();

  @Test
  void aMissingLanguageFallsBackToTheOriginalMarked() {
    Text text = new Text("fr", Map.of("fr", "Bonjour", "en", "Hello"));
    assertThat(text.render("en")).isEqualTo(new JsonObject().put("text", "Hello").put("lang", "en").put("original", false));
    assertThat(text.render("zh")).isEqualTo(new JsonObject().put("text", "Bonjour").put("lang", "fr").put("original", true));
    assertThat(text.render(null).getString("lang")).isEqualTo("fr");
  }

  @Test
  void moneyConvertsAtItsMonthsRateAndAYearAtItsLatestMonth() {
    ExchangeRates rates = new ExchangeRates(Map.of("2026-03", Map.of("EUR", 0.8), "2025-06", Map.of("EUR", 0.9),
        "2025-11", Map.of("EUR", 0.5)));
    assertThat(rates.toUsd(new Money(80, "EUR", LocalDate.parse("2026-03-31")))).contains(100.0);
    assertThat(rates.toUsd(new Money(80, "EUR", LocalDate.parse("2026-04-01")))).isEmpty();
    assertThat(rates.toUsd(new Money(80, "USD", LocalDate.parse("1999-04-01")))).contains(80.0);
    assertThat(rates.toUsdForYear(50, "EUR", 2025)).contains(100.0);
    assertThat(rates.toUsdForYear(50, "EUR", 2024)).isEmpty();
  }

  @Test
  void theAggregateRanksTopicsByBordaCount() {
    Consultation c = new Consultation("c", "i", Region.AFR, Text.of("en", "?"), List.of("a", "b", "c"),
        Instant.now(), "s", Instant.now());
    List<ConsultationAnswer> answers = List.of(
        new ConsultationAnswer("c", "u1", "Senegal", List.of("b", "a"), List.of("p1"), List.of(Financing.ITU_BUDGET),
            null, Instant.now()),
        new ConsultationAnswer("c", "u2", "Kenya", List.of("a", "c", "b"), List.of("p1", "p2"),
            List.of(Financing.ITU_BUDGET, Financing.PRIVATE_SECTOR), null, Instant.now()),
        new ConsultationAnswer("c", "u3", "Ghana", List.of("a"), List.of(), List.of(), null, Instant.now()));
    JsonObject aggregate = ConsultationService.aggregate(c, answers);
    JsonArray ranked = aggregate.getJsonArray("priorities");
    assertThat(ranked.getJsonObject(0)).isEqualTo(new JsonObject().put("topic", "a").put("score", 8).put("firstChoices", 2));
    assertThat(ranked.getJsonObject(1)).isEqualTo(new JsonObject().put("topic", "b").put("score", 4).put("firstChoices", 1));
    assertThat(ranked.getJsonObject(2).getInteger("score")).isEqualTo(2);
    assertThat(aggregate.getJsonArray("partners").getJsonObject(0))
        .isEqualTo(new JsonObject().put("partnerId", "p1").put("count", 2));
    assertThat(aggregate.getJsonArray("countries")).containsExactly("Ghana", "Kenya", "Senegal");
  }

  @Test
  void theCodeListsLeaveWithdrawnCodesOut() {
    assertThat(CODES.isCountry("SN")).isTrue();
    assertThat(CODES.isCountry("AN")).as("Netherlands Antilles, withdrawn").isFalse();
    assertThat(CODES.isSdgTarget("9.c")).isTrue();
    assertThat(CODES.isSdgTarget("9.z")).isFalse();
    assertThat(CODES.isCurrency("XOF")).isTrue();
    assertThat(CODES.isOrganisationType("40")).isTrue();
    assertThat(CodeLists.isWsisLine("C11")).isTrue();
    assertThat(CodeLists.isWsisLine("C12")).isFalse();
  }

  @Test
  void aProjectDraftNamesEveryProblemAtOnce() {
    InitiativesConfig config = InitiativesConfig.fromJson(new JsonObject());
    JsonObject body = new JsonObject().put("code", "9RAF1-X").put("initiativeIds", new JsonArray())
        .put("title", "T").put("countries", new JsonArray().add(new JsonObject().put("code", "SN").put("share", 50)))
        .put("wsisLines", new JsonArray().add("C0"));
    assertThatThrownBy(() -> Project.Draft.read(JsonInput.of(body), CODES, config, true))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().stream()
            .map(org.rapporteur.platform.errors.FieldError::field))
            .containsExactlyInAnyOrder("code", "initiativeIds", "countries", "wsisLines[0]"));
  }
}
