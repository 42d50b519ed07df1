package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

/**
 * A statement with an attachment from compose to the receiver: the rapporteur of SG1RGQ picks one of
 * the group's contributions, addresses SG13RG-AMS and an outside body as chips, the chair sends it after
 * a confirmation that names its number, and the chair of SG13RG-AMS sees the attachment by number and
 * title, never by its database id.
 */
class LiaisonAttachmentBrowserTest extends BrowserTest {
  private static final Pattern NUMBER = Pattern.compile("LS/SG1RGQ/\\d+");

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  JsonObject group(String code) {
    return server.client().get("/api/groups?q=" + code).bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(g -> g.getString("code").equals(code)).findFirst().orElseThrow();
  }

  JsonObject firstContribution(String groupId) {
    var chair = server.client();
    chair.signIn("aminata.diop@demo.example", DemoData.PASSWORD);
    return chair.get("/api/groups/" + groupId + "/contributions?limit=1").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0);
  }

  Page page(BrowserContext context, String email, String lang, boolean phone) {
    return signIn(context, email, DemoData.PASSWORD, lang, phone);
  }

  @Test
  @DisplayName("A contribution picked in compose reaches the addressed group's chair as number and title (English, laptop)")
  void attachmentFromComposeToReceiverInEnglish() {
    composeSendAndReceive("en", false);
  }

  @Test
  @DisplayName("The same in Arabic on a 390 x 844 phone: chips instead of a multi-select, nothing wider than the screen")
  void attachmentFromComposeToReceiverInArabicOnAPhone() {
    composeSendAndReceive("ar", true);
  }

  private void composeSendAndReceive(String lang, boolean phone) {
    JsonObject sg1 = group("SG1RGQ");
    JsonObject ams = group("SG13RG-AMS");
    JsonObject attached = firstContribution(sg1.getString("id"));
    String suffix = lang + (phone ? "-phone" : "");
    try (BrowserContext rapporteurContext = chromium.newContext();
        BrowserContext chairContext = chromium.newContext();
        BrowserContext receiverContext = chromium.newContext()) {
      Page rapporteur = page(rapporteurContext, "ahmed.hassan@demo.example", lang, phone);
      rapporteur.navigate(server.origin() + "/?lang=" + lang + "#/groups/" + sg1.getString("id") + "/liaisons/new");
      assertThat(rapporteur.locator("#liaison-form")).isVisible();
      assertThat(rapporteur.locator("select[multiple]")).hasCount(0);
      rapporteur.fill("input[name=title]", "Mobile broadband cost models: request for regional data " + suffix);
      rapporteur.selectOption("select[name=purpose]", "for-information");
      rapporteur.fill("input[name=to]", "SG13RG-AMS");
      rapporteur.click("#liaison-form .field:has(input[name=to]) .chip-add");
      assertThat(rapporteur.locator(".chip[data-value='" + ams.getString("id") + "']")).containsText("SG13RG-AMS");
      rapporteur.fill("input[name=toBodies]", "3GPP TSG RAN");
      rapporteur.press("input[name=toBodies]", "Enter");
      assertThat(rapporteur.locator(".chip[data-value='3GPP TSG RAN']")).isVisible();

      rapporteur.fill("input[name=attachments]", attached.getString("number"));
      var choice = rapporteur.locator("#attach-results .attach-choice").first();
      assertThat(choice).containsText(attached.getString("title"));
      choice.click();
      assertThat(rapporteur.locator("#attached .chip")).hasCount(1);
      assertThat(rapporteur.locator("#attached .chip")).containsText(attached.getString("number"));
      if (phone) {
        assertThat(widthOverflow(rapporteur)).as(widest(rapporteur)).isLessThanOrEqualTo(0);
      }
      rapporteur.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("liaison-compose-" + suffix))
          .setFullPage(true));
      rapporteur.click("#liaison-form button[type=submit]");
      assertThat(rapporteur).hasURL(Pattern.compile(".*#/liaisons/[0-9a-f]{24}$"));
      assertThat(rapporteur.locator("#liaison-attachments")).containsText(attached.getString("number"));
      String statementUrl = rapporteur.url();

      Page chair = page(chairContext, "aminata.diop@demo.example", lang, phone);
      chair.navigate(statementUrl);
      chair.click("[data-action='liaison.approve']");
      assertThat(chair.locator("[data-action='liaison.send']")).isVisible();
      List<String> questions = new ArrayList<>();
      chair.onceDialog(dialog -> {
        questions.add(dialog.message());
        dialog.accept();
      });
      chair.click("[data-action='liaison.send']");
      assertThat(chair.locator("#liaison-number")).hasText(NUMBER);
      Matcher promised = NUMBER.matcher(questions.get(0));
      assertThat(promised.find()).as(questions.get(0)).isTrue();
      assertThat(chair.locator("#liaison-number")).hasText(promised.group());

      Page receiver = page(receiverContext, "joao.silva@demo.example", lang, phone);
      receiver.navigate(server.origin() + "/?lang=" + lang + "#/groups/" + ams.getString("id"));
      receiver.click("#liaison-inbox a:has-text('" + promised.group() + "')");
      var attachments = receiver.locator("#liaison-attachments");
      assertThat(attachments).containsText(attached.getString("number"));
      assertThat(attachments).containsText(attached.getString("title"));
      assertThat(attachments).not().containsText(attached.getString("id"));
      assertThat(receiver.locator(".facts")).containsText("3GPP TSG RAN");
      assertThat(receiver.locator("#close-help")).isVisible();
      receiver.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("liaison-received-" + suffix))
          .setFullPage(true));
      if (phone) {
        assertThat(widthOverflow(receiver)).as(widest(receiver)).isLessThanOrEqualTo(0);
      }
      attachments.locator("a").first().click();
      assertThat(receiver).hasURL(Pattern.compile(".*#/contributions/" + attached.getString("id") + "$"));
    }
  }

  /** The elements that stick out of the screen, for the failure message. */
  private static String widest(Page page) {
    return String.valueOf(page.evaluate("[...document.querySelectorAll('body *')]"
        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1)"
        + ".slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join('; ')"));
  }

  /** How many pixels the page is wider than the screen (0 or less when nothing sticks out). */
  private static int widthOverflow(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
  }
}
