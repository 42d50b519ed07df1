package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ServerTest;

/** Texts kept per language: the reader's language, else the original marked as such; translations added later. */
class MultilingualTextTest extends ServerTest {
  InitiativeFixture fx;
  String id;

  @BeforeEach
  void start() {
    fx = new InitiativeFixture(server);
    JsonObject french = new JsonObject().put("original", "fr").put("values", new JsonObject()
        .put("fr", "Stratégie nationale de cybersécurité").put("en", "National cybersecurity strategy"));
    id = fx.createProject(fx.project("9RAF40001-01").put("title", french)
        .put("description", new JsonObject().put("original", "fr").put("values", new JsonObject()
            .put("fr", "Appui au Sénégal"))));
  }

  @Test
  void aReaderGetsTheirLanguageOrTheOriginalMarked() {
    JsonObject inEnglish = ok(fx.anonymous.get("/api/projects/" + id + "?lang=en"), 200);
    assertThat(inEnglish.getJsonObject("title")).isEqualTo(new JsonObject()
        .put("text", "National cybersecurity strategy").put("lang", "en").put("original", false));
    assertThat(inEnglish.getJsonObject("description")).isEqualTo(new JsonObject()
        .put("text", "Appui au Sénégal").put("lang", "fr").put("original", true));
    JsonObject inArabic = ok(fx.anonymous.get("/api/projects/" + id + "?lang=ar"), 200);
    assertThat(inArabic.getJsonObject("title").getString("lang")).isEqualTo("fr");
    assertThat(inArabic.getJsonObject("title").getBoolean("original")).isTrue();
    var byHeader = fx.anonymous.request(HttpMethod.GET, "/api/projects/" + id)
        .putHeader("Accept-Language", "ru-RU, en;q=0.5").send().await();
    assertThat(byHeader.bodyAsJsonObject().getJsonObject("title").getString("lang")).isEqualTo("fr");
    var english = fx.anonymous.request(HttpMethod.GET, "/api/projects/" + id)
        .putHeader("Accept-Language", "de, en-GB;q=0.8").send().await();
    assertThat(english.bodyAsJsonObject().getJsonObject("title").getString("lang")).isEqualTo("en");
  }

  @Test
  void theSecretariatSeesCompletenessAndAddsTranslations() {
    String path = "/api/projects/" + id + "/translations";
    assertProblem(fx.anonymous.get(path), 401);
    assertProblem(fx.outsider.patch(path, new JsonObject()), 403);
    JsonObject view = ok(fx.secretariat.get(path), 200);
    JsonObject en = view.getJsonObject("languages").getJsonObject("en");
    int total = en.getInteger("total");
    assertThat(en.getInteger("done")).isLessThan(total);
    assertThat(view.getJsonObject("languages").getJsonObject("fr").getInteger("done")).isEqualTo(2);

    JsonObject after = ok(fx.secretariat.patch(path, new JsonObject().put("lang", "ar").put("texts", new JsonObject()
        .put("title", "الاستراتيجية الوطنية للأمن السيبراني"))), 200);
    assertThat(after.getJsonObject("languages").getJsonObject("ar").getInteger("done")).isEqualTo(1);
    JsonObject inArabic = ok(fx.anonymous.get("/api/projects/" + id + "?lang=ar"), 200);
    assertThat(inArabic.getJsonObject("title").getString("text")).isEqualTo("الاستراتيجية الوطنية للأمن السيبراني");
    assertThat(inArabic.getJsonObject("title").getBoolean("original")).isFalse();

    assertFieldProblem(fx.secretariat.patch(path, new JsonObject().put("lang", "fr").put("texts", new JsonObject()
        .put("title", "Autre"))), 400, "texts.title");
    assertFieldProblem(fx.secretariat.patch(path, new JsonObject().put("lang", "es").put("texts", new JsonObject()
        .put("nowhere", "x"))), 400, "texts.nowhere");
    assertFieldProblem(fx.secretariat.patch(path, new JsonObject().put("lang", "de").put("texts", new JsonObject()
        .put("title", "x"))), 400, "lang");
  }

  @Test
  void anInitiativesTextsTranslateToo() {
    String path = "/api/initiatives/" + fx.afr1 + "/translations";
    assertProblem(fx.manager.get(path), 403);
    ok(fx.secretariat.patch(path, new JsonObject().put("lang", "fr").put("texts", new JsonObject()
        .put("expectedResults[1].text", "Partenariats pour l'échange de bonnes pratiques"))), 200);
    JsonObject initiative = ok(fx.anonymous.get("/api/initiatives/" + fx.afr1 + "?lang=fr"), 200);
    assertThat(initiative.getJsonArray("expectedResults").getJsonObject(1).getJsonObject("text").getString("text"))
        .isEqualTo("Partenariats pour l'échange de bonnes pratiques");
    assertThat(initiative.getJsonArray("expectedResults").getJsonObject(0).getInteger("number")).isEqualTo(1);
    assertThat(initiative.getJsonObject("title").getBoolean("original")).isTrue();
    assertThat(initiative.getJsonObject("cycle").getString("name")).isEqualTo("Baku 2025");
  }

  @Test
  void aTextWithoutItsOriginalOrInAnUnknownLanguageIsRefused() {
    assertFieldProblem(fx.secretariat.post("/api/projects", fx.project("9RAF40002-01").put("title",
        new JsonObject().put("original", "fr").put("values", new JsonObject().put("en", "x")))), 400, "title.values.fr");
    assertFieldProblem(fx.secretariat.post("/api/projects", fx.project("9RAF40002-01").put("title",
        new JsonObject().put("original", "en").put("values", new JsonObject().put("en", "x").put("de", "y")))), 400,
        "title.values.de");
  }
}
