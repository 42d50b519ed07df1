package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

/** The document register of the demo meeting, reached from the agenda, sorted by a column, on a laptop and a phone. */
class RegisterBrowserTest extends BrowserTest {
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  String meetingId() {
    var chair = server.client();
    chair.signIn("aminata.diop@demo.example", DemoData.PASSWORD);
    String group = chair.get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(g -> g.getString("code").equals("SG1RGQ")).findFirst().orElseThrow()
        .getString("id");
    return chair.get("/api/groups/" + group + "/meetings").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
  }

  /** The demo documents reach the index after their extraction, which a busy machine makes slow. */
  void awaitIndexed(String words) {
    var client = server.client();
    client.signIn("aminata.diop@demo.example", DemoData.PASSWORD);
    long until = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      if (client.get("/api/search?q=" + words).bodyAsJsonObject().getLong("total", 0L) > 0) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("the demo documents were not indexed within 90 s");
  }

  Page page(BrowserContext context, String lang, boolean phone) {
    Page page = context.newPage();
    if (phone) {
      page.setViewportSize(390, 844);
    }
    return signIn(context, page, lang);
  }

  private Page signIn(BrowserContext context, Page page, String lang) {
    page.navigate(server.origin() + "/?lang=" + lang + "#/sign-in");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    page.fill("input[name=email]", "aminata.diop@demo.example");
    page.fill("input[name=password]", DemoData.PASSWORD);
    page.press("input[name=password]", "Enter");
    assertThat(page.locator("#who")).isVisible();
    return page;
  }

  @Test
  @DisplayName("The chair opens the register from the agenda, sorts it by title both ways and finds the exports")
  void registerFromTheAgendaSortsByColumn() {
    String meeting = meetingId();
    try (BrowserContext context = chromium.newContext()) {
      Page page = page(context, "en", false);
      page.navigate(server.origin() + "/#/meetings/" + meeting);
      page.click("#register-link");
      var rows = page.locator("#register tbody tr");
      assertThat(rows.first()).isVisible();
      int count = rows.count();
      assertThat(count).isGreaterThanOrEqualTo(3);
      assertThat(page.locator("th[data-key=number]")).hasAttribute("aria-sort", "ascending");
      page.click("th[data-key=title] button");
      assertThat(page.locator("th[data-key=title]")).hasAttribute("aria-sort", "ascending");
      String firstAscending = rows.first().locator("td").nth(2).textContent();
      page.click("th[data-key=title] button");
      assertThat(page.locator("th[data-key=title]")).hasAttribute("aria-sort", "descending");
      assertThat(rows.last().locator("td").nth(2)).hasText(firstAscending);
      assertThat(page.locator("#register-csv")).hasAttribute("href", "/api/meetings/" + meeting + "/register.csv");
      assertThat(page.locator("#register-zip")).hasAttribute("href", "/api/meetings/" + meeting + "/register.zip");
      assertThat(page.locator("#register tbody")).containsText("to present");
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("register-en")).setFullPage(true));
    }
  }

  @Test
  @DisplayName("In Arabic on a 390 x 844 phone the register is one block per document, nothing wider than the screen")
  void registerInArabicOnAPhone() {
    String meeting = meetingId();
    try (BrowserContext context = chromium.newContext()) {
      Page page = page(context, "ar", true);
      page.navigate(server.origin() + "/?lang=ar#/meetings/" + meeting + "/register");
      assertThat(page.locator("h1")).hasText("سجل الوثائق");
      assertThat(page.locator("#register tbody tr").first()).isVisible();
      assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
          .isLessThanOrEqualTo(0);
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("register-ar-phone")).setFullPage(true));
      page.setViewportSize(1280, 800);
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("register-ar")).setFullPage(true));
      page.setViewportSize(390, 844);
      page.navigate(server.origin() + "/?lang=en#/meetings/" + meeting + "/register");
      assertThat(page.locator("#register tbody tr").first()).isVisible();
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("register-en-phone")).setFullPage(true));
    }
  }

  @Test
  @DisplayName("Search filters: a group narrows the Questions and meetings offered; the filters reach the results and the address")
  void searchFiltersByGroupQuestionMeetingAndStatus() {
    String meeting = meetingId();
    awaitIndexed("broadband");
    try (BrowserContext context = chromium.newContext()) {
      Page page = page(context, "en", false);
      page.navigate(server.origin() + "/#/search");
      assertThat(page.locator("#search-question")).isDisabled();
      page.selectOption("#search-group", new com.microsoft.playwright.options.SelectOption().setLabel(
          page.locator("#search-group option", new Page.LocatorOptions().setHasText("SG1RGQ")).first().textContent()));
      assertThat(page.locator("#search-question")).isEnabled();
      page.selectOption("#search-question", "Q4/1");
      assertThat(page.locator("#search-meeting option[value='" + meeting + "']")).hasCount(1);
      page.fill("#search-q", "broadband");
      page.press("#search-q", "Enter");
      assertThat(page).hasURL(Pattern.compile(".*group=[0-9a-f]{24}&question=Q4%2F1$"));
      assertThat(page.locator("#search-results .hits li").first()).containsText("SG1RGQ/",
          new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
      page.selectOption("#search-status", "withdrawn");
      page.press("#search-q", "Enter");
      assertThat(page).hasURL(Pattern.compile(".*status=withdrawn$"));
      assertThat(page.locator("#search-results p.muted")).hasText("0 results",
          new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
    }
  }

  @Test
  @DisplayName("The upload form offers the group's meetings and Questions and fills the source with the member's country")
  void uploadFormOffersMeetingsQuestionsAndDefaultSource() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = page(context, "en", false);
      var chair = server.client();
      chair.signIn("aminata.diop@demo.example", DemoData.PASSWORD);
      String group = chair.get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(g -> g.getString("code").equals("SG1RGQ")).findFirst().orElseThrow()
          .getString("id");
      page.navigate(server.origin() + "/#/groups/" + group + "/upload");
      assertThat(page.locator("input[name=source]")).hasValue("Senegal");
      assertThat(page.locator("input[name=questions][value='Q4/1']")).hasCount(1);
      assertThat(page.locator("select[name=meetingId] option[value='']")).hasCount(1);
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("upload-en")).setFullPage(true));
    }
  }
}
