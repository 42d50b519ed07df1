package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

/** Counts, agenda history and mixed-direction values as a reader of Arabic, Russian or Chinese meets them. */
class LanguagesBrowserTest extends BrowserTest {
  private static final String CHAIR = "aminata.diop@demo.example";

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  private String group() {
    return server.client().get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items").getJsonObject(0)
        .getString("id");
  }

  @SuppressWarnings("unchecked")
  private static List<String> plurals(Page page, String lang, String key, int... counts) {
    StringBuilder list = new StringBuilder();
    for (int n : counts) {
      list.append(list.length() == 0 ? "" : ",").append(n);
    }
    return (List<String>) page.evaluate("async () => { const i18n = await import('/app/i18n.js'); await i18n.setLanguage('"
        + lang + "'); return [" + list + "].map((n) => i18n.plural('" + key + "', n)); }");
  }

  @Test
  @DisplayName("Counts take the six Arabic plural forms and the Russian ones, on the page and through plural()")
  void countsTakeTheirPluralForms() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = signIn(context, CHAIR, DemoData.PASSWORD);
      assertThat(plurals(page, "ar", "groups.count", 0, 1, 2, 3, 11, 100)).containsExactly(
          "لا توجد مجموعات", "مجموعة واحدة", "مجموعتان", "3 مجموعات", "11 مجموعةً", "100 مجموعة");
      assertThat(plurals(page, "ru", "chat.missed", 1, 3, 5, 21)).containsExactly("Вы пропустили 1 сообщение",
          "Вы пропустили 3 сообщения", "Вы пропустили 5 сообщений", "Вы пропустили 21 сообщение");
      assertThat(plurals(page, "en", "search.count", 1, 2)).containsExactly("1 result", "2 results");

      int groups = ((Number) page.evaluate("async () => (await (await fetch('/api/groups')).json()).items.length"))
          .intValue();
      page.navigate(server.origin() + "/?lang=ar#/groups");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("#group-count")).hasText(plurals(page, "ar", "groups.count", groups).get(0));
      assertThat(page.locator("#group-count")).not().containsText("groups");
    }
  }

  @Test
  @DisplayName("The agenda history reads in the reader's language, right to left in Arabic, and the exports follow the page's language")
  void agendaHistoryInTheReadersLanguage() {
    String meeting = server.client().get("/api/groups/" + group() + "/meetings").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    try (BrowserContext context = chromium.newContext()) {
      Page chair = signIn(context, CHAIR, DemoData.PASSWORD);
      chair.navigate(server.origin() + "/?lang=en#/meetings/" + meeting);
      String version = chair.locator("#agenda-version").textContent();
      chair.locator("#agenda li.agenda-item").first().locator("button[title='Move down']").first().click();
      assertThat(chair.locator("#agenda-version")).not().hasText(version);
      chair.locator("#agenda .allocations select").first().selectOption("presented");
      assertThat(chair.locator("#agenda .allocations select").first()).hasValue("presented");

      chair.navigate(server.origin() + "/?lang=ar#/meetings/" + meeting);
      assertThat(chair.locator("html")).hasAttribute("dir", "rtl");
      chair.locator("#agenda .exports button").click();
      assertThat(chair.locator("#agenda-history li[data-kind=moved]").first()).containsText("نُقل البند");
      assertThat(chair.locator("#agenda-history li[data-kind=treatment]").first()).containsText("عُرضت");
      assertThat(chair.locator("#agenda-history")).not().containsText("moved");
      assertThat(chair.locator("#agenda-history")).not().containsText("to-present");
      assertThat(chair.locator("#agenda-history li[data-kind=moved]").first())
          .hasCSS("direction", "rtl");
      assertThat(chair.locator("#agenda .exports a").first()).hasAttribute("href", "/api/meetings/" + meeting
          + "/agenda.docx?lang=ar");
    }
  }

  @Test
  @DisplayName("Screenshots of the agenda with its history, the groups page and a contribution, in en, ar and zh, laptop and phone")
  void screenshotsInThreeLanguagesAndTwoSizes() {
    String group = group();
    String meeting = server.client().get("/api/groups/" + group + "/meetings").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
      try (BrowserContext context = chromium.browser().newContext(
          new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
        Page page = signIn(context, CHAIR, DemoData.PASSWORD);
        String contribution = page.evaluate("async () => (await (await fetch('/api/groups/" + group
            + "/contributions?limit=1')).json()).items[0].id").toString();
        for (String lang : List.of("en", "ar", "zh")) {
          String suffix = "-" + lang + "-" + size[0];
          page.navigate(server.origin() + "/?lang=" + lang + "#/groups");
          assertThat(page.locator("#group-count")).isVisible();
          page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("lang-groups" + suffix)));
          page.navigate(server.origin() + "/?lang=" + lang + "#/contributions/" + contribution);
          assertThat(page.locator("#contribution-number")).isVisible();
          page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("lang-contribution" + suffix))
              .setFullPage(true));
          page.navigate(server.origin() + "/?lang=" + lang + "#/meetings/" + meeting);
          page.locator("#agenda .exports button").click();
          assertThat(page.locator("#agenda-history li").first()).isVisible();
          page.locator("#agenda").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
              .setPath(Chromium.screenshot("lang-agenda" + suffix)));
          Object width = page.evaluate("() => document.documentElement.scrollWidth");
          System.out.println("page width " + suffix + ": " + width);
        }
      }
    }
  }
}
