package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.DemoPages;
import org.rapporteur.support.DemoPages.DemoPage;

class OfflineReadingBrowserTest extends BrowserTest {
  @Override
  protected JsonObject settings() {
    // The demo documents must have their light views: give extraction room on a busy machine.
    return new JsonObject().put("demo", true).put("contributions",
        new JsonObject().put("extraction", new JsonObject().put("timeoutSeconds", 300)));
  }

  @Test
  @DisplayName("A delegate keeps a meeting, sees the documents' sizes first, then opens it and reads a document with the network off")
  void aKeptMeetingOpensAndReadsOffline() {
    List<DemoPage> pages = DemoPages.of(server);
    String meeting = pages.stream().filter(p -> p.name().equals("meeting")).findFirst().orElseThrow().path();
    try (BrowserContext context = chromium.newContext()) {
      Page page = signIn(context, DemoPages.DELEGATE, DemoData.PASSWORD);
      page.navigate(server.origin() + meeting);
      page.click("#keep-offline");
      assertThat(page.locator("#offline-sizes li")).hasCount(3);
      assertThat(page.locator("#offline-sizes li").first()).containsText(Pattern.compile("\\d+(\\.\\d)? (byte|kB)"));
      page.click("#keep-confirm");
      assertThat(page.locator("#offline-status")).containsText("Kept on this device");

      context.setOffline(true);
      Page offline = context.newPage();
      offline.navigate(server.origin() + meeting);
      assertThat(offline.locator("#agenda li.agenda-item").first()).containsText("Opening of the meeting");
      offline.locator("#agenda .allocations a").first().click();
      assertThat(offline.locator("#light-view .light-view")).containsText("Cost models");

      // The link returns: the kept copies are fetched again, and the page works as before.
      context.setOffline(false);
      offline.navigate(server.origin() + meeting);
      assertThat(offline.locator("#request-floor")).isEnabled();
    }
  }
}
