package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestDocuments;

class ContributionBrowserTest extends BrowserTest {

  @Test
  @DisplayName("An expert uploads a DOCX in the browser, reads its light view and finds it by search")
  void uploadReadAndSearch() {
    ApiClient expert = server.client();
    expert.register("moussa@example.ml", "Moussa Keita");
    String groupId = Contributions.group(server.admin(), "SG1RGQ", "public", "moussa@example.ml");
    byte[] docx = TestDocuments.docx("Community networks", "Moussa Keita", List.of(
        "Community networks connect villages that operators do not serve.",
        "Local cooperatives maintain the equipment and share the backhaul."));

    try (BrowserContext context = chromium.newContext()) {
      Page page = signIn(context, "moussa@example.ml", ApiClient.PASSWORD);
      assertThat(page.locator("#who")).hasText("Moussa Keita");

      page.navigate(server.origin() + "/#/groups/" + groupId);
      page.click("#upload-link");
      page.setInputFiles("input[name=file]", new FilePayload("community-networks.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx));
      page.fill("input[name=title]", "Community networks in Mali");
      page.fill("input[name=source]", "Mali");
      page.fill("input[name=questions]", "Q4/1");
      page.click("#upload-form button[type=submit]");

      assertThat(page.locator("#contribution-number")).hasText("SG1RGQ/1");
      assertThat(page.locator("#light-view .light-view")).containsText("Community networks connect villages",
          new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      assertThat(page.locator("#extraction-state")).hasText(Pattern.compile(".+"));
      // Type and language as words, not as a MIME type and a code.
      assertThat(page.locator(".facts")).containsText("Word document");
      assertThat(page.locator(".facts")).containsText("English");
      assertThat(page.locator(".facts")).not().containsText("application/vnd");

      page.click("#nav-search");
      page.fill("#search-q", "cooperative backhaul");
      page.press("#search-q", "Enter");
      // The index follows the extraction a moment later; a busy machine makes that moment longer.
      assertThat(page.locator("#search-results .hits li").first()).containsText("SG1RGQ/1",
          new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
      assertThat(page.locator("#search-results mark").first()).isVisible();
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("contribution-search")));
    }
  }
}
