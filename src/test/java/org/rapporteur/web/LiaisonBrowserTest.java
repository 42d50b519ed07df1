package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

class LiaisonBrowserTest extends BrowserTest {
  final List<String> consoleErrors = new ArrayList<>();
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  String groupId(String code) {
    return server.client().get("/api/groups?q=" + code).bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(g -> g.getString("code").equals(code)).findFirst().orElseThrow()
        .getString("id");
  }

  Page signedIn(BrowserContext context, String email) {
    Page page = context.newPage();
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type()) && !message.text().contains("401")) {
        consoleErrors.add(message.text());
      }
    });
    page.navigate(server.origin() + "/#/sign-in");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", DemoData.PASSWORD);
    page.press("input[name=password]", "Enter");
    assertThat(page.locator("#who")).isVisible();
    return page;
  }

  @Test
  @DisplayName("A rapporteur composes a statement, the chair approves and sends it, the ITU-D group answers, and the thread shows both")
  void composeApproveAnswerAndSeeTheThread() {
    String sg3 = groupId("SG3RG-AFR");
    String sg1 = groupId("ITU-D-SG1");
    try (BrowserContext rapporteurContext = chromium.newContext();
        BrowserContext chairContext = chromium.newContext()) {
      Page rapporteur = signedIn(rapporteurContext, "ahmed.hassan@demo.example");
      rapporteur.navigate(server.origin() + "/#/groups/" + sg3);
      assertThat(rapporteur.locator("#liaison-outbox")).containsText("LS/SG3RG-AFR/1");
      rapporteur.click("#new-liaison");
      assertThat(rapporteur.locator("#liaison-form")).isVisible();
      rapporteur.click("#liaison-form button[type=submit]");
      assertThat(rapporteur.locator("#f-title-error")).containsText("required");
      assertThat(rapporteur.locator("#f-to-error")).containsText("at least one");
      // The browser logs the refused request (400) of that empty form; only later errors count.
      consoleErrors.clear();

      rapporteur.fill("input[name=title]", "Quality of service thresholds for mobile broadband in Africa");
      rapporteur.fill("input[name=deadline]", LocalDate.now().plusDays(30).toString());
      rapporteur.fill("input[name=to]", "ITU-D-SG1");
      rapporteur.press("input[name=to]", "Enter");
      assertThat(rapporteur.locator(".chip[data-value='" + sg1 + "']")).isVisible();
      rapporteur.fill("input[name=questions]", "Q4/1");
      rapporteur.fill("textarea[name=body]", "SG3RG-AFR asks ITU-D SG1 to share regulators' experience with minimum "
          + "quality of service thresholds and their effect on the cost of mobile broadband.");
      rapporteur.click("#liaison-form button[type=submit]");
      assertThat(rapporteur).hasURL(Pattern.compile(".*#/liaisons/[0-9a-f]{24}$"));
      assertThat(rapporteur.locator("#liaison-number")).hasText("Draft");
      assertThat(rapporteur.locator("[data-action='liaison.approve']")).hasCount(0);
      String statementUrl = rapporteur.url();

      Page chair = signedIn(chairContext, "aminata.diop@demo.example");
      chair.navigate(statementUrl);
      chair.click("[data-action='liaison.approve']");
      assertThat(chair.locator(".liaison-state")).hasText("approved");
      String countBefore = chair.locator("#notification-count").textContent();
      int unreadBefore = countBefore.isBlank() ? 0 : Integer.parseInt(countBefore.trim());
      List<String> sendQuestions = new ArrayList<>();
      chair.onDialog(dialog -> {
        sendQuestions.add(dialog.message());
        dialog.accept();
      });
      chair.click("[data-action='liaison.send']");
      // The chair also chairs the addressed group: the new statement's notification arrives live.
      assertThat(chair.locator("#notification-count")).hasText(String.valueOf(unreadBefore + 1));
      assertThat(chair.locator("#liaison-number")).hasText("LS/SG3RG-AFR/2");
      assertThat(sendQuestions).singleElement().asString().contains("numbered LS/SG3RG-AFR/2");
      assertThat(chair.locator("table.deliveries")).containsText("ITU-D-SG1");
      assertThat(chair.locator("#liaison-radar")).isVisible();

      chair.click("#notifications-link");
      assertThat(chair.locator("#notification-list")).containsText("LS/SG3RG-AFR/2");
      chair.navigate(statementUrl);

      chair.click("[data-action='liaison.draftReply']");
      assertThat(chair.locator("#liaison-form")).isVisible();
      assertThat(chair.locator("input[name=title]")).hasValue(Pattern.compile("^Reply to LS/SG3RG-AFR/2"));
      assertThat(chair.locator("input[name=questions]")).hasValue("Q4/1");
      chair.fill("textarea[name=body]", "ITU-D SG1 Question 4/1 shares the thresholds reported by 14 regulators.");
      chair.click("#liaison-form button[type=submit]");
      assertThat(chair.locator("#liaison-body")).containsText("14 regulators");
      chair.click("[data-action='liaison.approve']");
      assertThat(chair.locator(".liaison-state")).hasText("approved");
      chair.click("[data-action='liaison.send']");
      assertThat(chair.locator("#liaison-number")).hasText("LS/ITU-D-SG1/1");
      assertThat(chair.locator("#liaison-thread li")).hasCount(2);
      chair.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("liaison-thread")).setFullPage(true));

      rapporteur.navigate(server.origin() + "/#/groups/" + sg3);
      assertThat(rapporteur.locator("#liaison-inbox")).containsText("LS/ITU-D-SG1/1");
      rapporteur.navigate(statementUrl);
      assertThat(rapporteur.locator(".liaison-state")).hasText("replied");
      assertThat(rapporteur.locator("#liaison-thread li").nth(0)).containsText("LS/SG3RG-AFR/2");
      assertThat(rapporteur.locator("#liaison-thread li").nth(1)).containsText("LS/ITU-D-SG1/1");

      rapporteur.selectOption("#language", "ar");
      assertThat(rapporteur.locator("html")).hasAttribute("dir", "rtl");
      assertThat(rapporteur.locator("#thread-h")).hasText("سلسلة المراسلات");
      rapporteur.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("liaison-thread-ar")).setFullPage(true));
      rapporteur.selectOption("#language", "en");

      rapporteur.click("#radar-link");
      assertThat(rapporteur.locator("#radar-pairs tbody tr").first()).isVisible();
      rapporteur.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("radar")).setFullPage(true));
      assertThat(consoleErrors).isEmpty();
    }
  }

  @Test
  @DisplayName("The sending group's chair closes a sent statement after confirming (offline, a plain message says why it "
      + "failed); its rapporteur is not offered to")
  void chairClosesAStatementAfterConfirming() {
    String sg3 = groupId("SG3RG-AFR");
    try (BrowserContext rapporteurContext = chromium.newContext();
        BrowserContext chairContext = chromium.newContext()) {
      Page rapporteur = signedIn(rapporteurContext, "ahmed.hassan@demo.example");
      rapporteur.navigate(server.origin() + "/#/groups/" + sg3);
      rapporteur.click("#liaison-outbox a:has-text('LS/SG3RG-AFR/1')");
      assertThat(rapporteur.locator("#liaison-number")).hasText("LS/SG3RG-AFR/1");
      assertThat(rapporteur.locator("[data-action='liaison.draftReply']").first()).isVisible();
      assertThat(rapporteur.locator("[data-action='liaison.close']")).hasCount(0);
      String statementUrl = rapporteur.url();

      Page chair = signedIn(chairContext, "aminata.diop@demo.example");
      chair.navigate(statementUrl);
      assertThat(chair.locator(".liaison-state")).hasText("sent");
      List<String> questions = new ArrayList<>();
      chair.onceDialog(dialog -> {
        questions.add(dialog.message());
        dialog.dismiss();
      });
      chair.click("[data-action='liaison.close']");
      assertThat(chair.locator("[data-action='liaison.close']")).isEnabled();
      assertThat(chair.locator(".liaison-state")).hasText("sent");
      assertThat(questions).containsExactly("Close this statement? A closed statement cannot be reopened.");

      chairContext.setOffline(true);
      chair.onceDialog(dialog -> dialog.accept());
      chair.click("[data-action='liaison.close']");
      assertThat(chair.locator("#liaison-actions-error"))
          .hasText("The server could not be reached. Check your connection and try again.");
      assertThat(chair.locator("[data-action='liaison.close']")).isEnabled();
      chairContext.setOffline(false);
      consoleErrors.removeIf(message -> message.contains("ERR_INTERNET_DISCONNECTED"));

      chair.onceDialog(dialog -> dialog.accept());
      chair.click("[data-action='liaison.close']");
      assertThat(chair.locator(".liaison-state")).hasText("closed");
      assertThat(chair.locator("[data-action='liaison.close']")).hasCount(0);
      assertThat(chair.locator("#liaison-actions-error")).isEmpty();

      rapporteur.reload();
      assertThat(rapporteur.locator(".liaison-state")).hasText("closed");
      assertThat(consoleErrors).isEmpty();
    }
  }
  @Test
  @DisplayName("An addressed group's vice-chair closes the group's copy without a reply; the statement stays sent for the others")
  void addressedGroupClosesItsCopy() {
    String sg3 = groupId("SG3RG-AFR");
    try (BrowserContext context = chromium.newContext()) {
      Page viceChair = signedIn(context, "joao.silva@demo.example");
      viceChair.navigate(server.origin() + "/#/groups/" + sg3);
      viceChair.click("#liaison-outbox a:has-text('LS/SG3RG-AFR/1')");
      assertThat(viceChair.locator("#liaison-number")).hasText("LS/SG3RG-AFR/1");
      assertThat(viceChair.locator("[data-action='liaison.close']")).hasCount(0);
      var closeCopy = viceChair.locator("[data-action='liaison.closeCopy']");
      assertThat(closeCopy).hasText("Close for ITU-D-SG1");

      List<String> questions = new ArrayList<>();
      viceChair.onceDialog(dialog -> {
        questions.add(dialog.message());
        dialog.accept();
      });
      closeCopy.click();
      var row = viceChair.locator("table.deliveries tr", new Page.LocatorOptions().setHasText("ITU-D-SG1"));
      assertThat(row.first()).containsText("closed");
      assertThat(closeCopy).hasCount(0);
      assertThat(viceChair.locator("[data-action='liaison.draftReply']")).hasCount(0);
      assertThat(viceChair.locator(".liaison-state")).hasText("sent");
      assertThat(questions).containsExactly("Close this statement for ITU-D-SG1 without a reply? It leaves the group’s"
          + " open statements; the thread stays readable.");
      assertThat(consoleErrors).isEmpty();
    }
  }
}
