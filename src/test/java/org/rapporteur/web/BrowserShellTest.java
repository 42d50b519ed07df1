package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

class BrowserShellTest extends BrowserTest {
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  @Test
  @DisplayName("A chair signs in, lists groups, switches to Arabic and gets a right-to-left page")
  void signInListGroupsAndSwitchToArabic() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(message -> {
        // /api/me answers 401 to a visitor by contract; the browser logs that as a failed load.
        if ("error".equals(message.type()) && !message.text().contains("401")) {
          consoleErrors.add(message.text());
        }
      });
      page.navigate(server.origin() + "/");
      assertThat(page.locator("body[data-ready=true]")).hasCount(1);

      page.click("#sign-in-link");
      page.fill("input[name=email]", "aminata.diop@demo.example");
      page.fill("input[name=password]", DemoData.PASSWORD);
      page.press("input[name=password]", "Enter");
      assertThat(page.locator("#who")).hasText("Aminata Diop");

      assertThat(page.locator("#group-list li").first()).isVisible();
      assertThat(page.locator("#group-list")).containsText("SG3RG-AFR");
      assertThat(page.locator("#group-list")).containsText("SG17RG-AFR");
      int groups = page.locator("#group-list li").count();
      assertThat(groups).isGreaterThanOrEqualTo(8);

      page.selectOption("select[name=sector]", "ITU-D");
      assertThat(page.locator("#group-list")).not().containsText("SG3RG-AFR");
      assertThat(page.locator("#group-list")).containsText("ITU-D-SG1");

      page.selectOption("#language", "ar");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("html")).hasAttribute("lang", "ar");
      assertThat(page.locator("h1")).hasText("لجان الدراسات والمجموعات الإقليمية");
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("groups-ar")).setFullPage(true));

      page.click("text=ITU-D-SG1");
      assertThat(page.locator("h1")).containsText("ITU-D Study Group 1");
      assertThat(page.locator("table.members")).containsText("Ahmed Hassan");
      assertThat(page.locator(".badge.mine")).containsText("الرئيس");
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("group-ar")).setFullPage(true));

      page.reload();
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(consoleErrors).isEmpty();
    }
  }

  @Test
  @DisplayName("The shell works from the keyboard alone, and form errors name the field")
  void keyboardSignUpShowsFieldErrors() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(server.origin() + "/#/sign-up");
      assertThat(page.locator("input[name=name]")).isFocused();
      page.keyboard().type("Aibek Toktogulov");
      page.keyboard().press("Tab");
      page.keyboard().type("aibek@example.kg");
      page.keyboard().press("Tab");
      page.keyboard().type("short");
      page.keyboard().press("Tab");
      page.keyboard().type("Kyrgyzstan");
      page.keyboard().press("Enter");
      assertThat(page.locator("#f-password-error")).containsText("at least");
      assertThat(page.locator("input[name=password]")).hasAttribute("aria-invalid", "true");

      page.fill("input[name=password]", "a much longer password");
      page.press("input[name=password]", "Enter");
      assertThat(page.locator("#who")).hasText("Aibek Toktogulov");
      assertThat(page).hasURL(Pattern.compile(".*#/$"));
    }
  }
}
