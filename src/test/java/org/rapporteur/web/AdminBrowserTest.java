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

/** The admin page: audit log filtered by action, a global role revoked, the search index rebuilt. */
class AdminBrowserTest extends BrowserTest {
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  Page page(BrowserContext context, String email, String lang, boolean phone) {
    return signIn(context, email, DemoData.PASSWORD, lang, phone);
  }

  @Test
  @DisplayName("The admin filters the audit log, revokes the secretariat role and rebuilds the search index")
  void adminPage() {
    try (BrowserContext context = chromium.newContext(); BrowserContext other = chromium.newContext()) {
      Page admin = page(context, "admin@demo.example", "en", false);
      admin.click("#nav-admin");
      assertThat(admin.locator("#audit-log tbody tr").first()).isVisible();
      admin.fill("#audit-filters input[name=action]", "liaison.");
      admin.click("#audit-filters button[type=submit]");
      var actions = admin.locator("#audit-log tbody tr td:nth-child(3)");
      assertThat(actions.first()).hasText(Pattern.compile("^liaison\\."));
      assertThat(actions).not().containsText(new String[] {"group."});

      admin.fill("#user-search input[name=q]", "helene");
      admin.click("#user-search button[type=submit]");
      var helene = admin.locator(".user-row[data-email='helene.martin@demo.example']");
      assertThat(helene.locator("input[name=secretariat]")).isChecked();
      helene.locator("input[name=secretariat]").uncheck();
      helene.locator("button").click();
      assertThat(helene.locator("[role=status]")).hasText("Saved.");

      admin.onceDialog(dialog -> dialog.accept());
      admin.click("#rebuild");
      assertThat(admin.locator("#rebuild-status")).hasText(Pattern.compile("Rebuilt: \\d+ documents indexed\\."));
      admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("admin-en")).setFullPage(true));

      Page secretariat = page(other, "helene.martin@demo.example", "en", false);
      assertThat(secretariat.locator("#nav-admin")).hasCount(0);
      assertThat(server.client().get("/api/session").statusCode()).isEqualTo(200);

      admin.setViewportSize(390, 844);
      admin.navigate(server.origin() + "/?lang=ar#/admin");
      assertThat(admin.locator("h1")).hasText("الإدارة");
      assertThat(admin.locator("#audit-log tbody tr").first()).isVisible();
      admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("admin-ar-phone")).setFullPage(true));
      assertThat(((Number) admin.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
          .as(String.valueOf(admin.evaluate("[...document.querySelectorAll('body *')]"
              + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1)"
              + ".slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join('; ')")))
          .isLessThanOrEqualTo(0);
      admin.setViewportSize(1280, 800);
      admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("admin-ar")).setFullPage(true));
      admin.setViewportSize(390, 844);
      admin.navigate(server.origin() + "/?lang=en#/admin");
      assertThat(admin.locator("#audit-log tbody tr").first()).isVisible();
      admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("admin-en-phone")).setFullPage(true));
    }
  }
}
