package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

/** A meeting day as a remote delegate on a phone and a chair on a laptop live it, in English and Arabic. */
class MeetingDayBrowserTest extends BrowserTest {
  static final String CHAIR = "aminata.diop@demo.example";
  static final String DELEGATE = "aibek.toktogulov@demo.example";
  /** Counts vibrations and beeps, which a headless browser cannot feel or hear. */
  static final String ALERT_PROBE = "window.vibrations = 0; window.beeps = 0;"
      + "navigator.vibrate = () => { window.vibrations++; return true; };"
      + "const NativeOscillator = window.AudioContext && AudioContext.prototype.createOscillator;"
      + "if (NativeOscillator) AudioContext.prototype.createOscillator = function () { window.beeps++; return NativeOscillator.call(this); };";

  /** Two browsers and a server on a machine shared with other builds: give pages time. */
  @org.junit.jupiter.api.BeforeEach
  void patientAssertions() {
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @org.junit.jupiter.api.AfterEach
  void usualAssertions() {
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
  }

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  String meetingPath() {
    String group = server.client().get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    return "/#/meetings/" + server.client().get("/api/groups/" + group + "/meetings").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
  }

  BrowserContext phone() {
    return withErrorsShown(chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
        .setHasTouch(true)));
  }

  BrowserContext laptop() {
    return withErrorsShown(chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)));
  }

  /** These contexts have sizes, so they are not the journaled ones of Chromium: their errors go to the test output. */
  static BrowserContext withErrorsShown(BrowserContext context) {
    context.onWebError(error -> System.err.println("page error: " + error.error()));
    context.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        System.err.println("console.error: " + message.text());
      }
    });
    return context;
  }

  Page open(Page page, String lang, String path) {
    page.navigate(server.origin() + "/?lang=" + lang + path.substring(1));
    assertThat(page.locator("#meeting-now")).isVisible();
    assertThat(page.locator("#agenda .agenda-row").first()).isVisible();
    return page;
  }

  static void assertNoSidewaysScroll(Page page, String who) {
    int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    assertThat(width).as(who + ": the page is no wider than the phone").isLessThanOrEqualTo(390);
  }

  static void assertInFirstScreen(Page page, String selector) {
    BoundingBox box = page.locator(selector).boundingBox();
    assertThat(box).as(selector + " is shown").isNotNull();
    assertThat(box.y + box.height).as(selector + " is inside the first screen").isLessThanOrEqualTo(844);
  }

  static com.microsoft.playwright.Locator title(com.microsoft.playwright.Locator item) {
    return item.locator(".agenda-title-input").first();
  }

  void shot(Page page, String name) {
    // From the top, where the sticky bar of a phone page belongs.
    page.evaluate("window.scrollTo(0, 0)");
    page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(name)).setFullPage(true));
  }

  @Test
  @DisplayName("A remote delegate on a phone asks for the floor from the first screen, and gets a banner, a title, a beep and a vibration when given it, in English and in Arabic")
  void theFloorReachesARemoteDelegateOnAPhone() {
    String meeting = meetingPath();
    try (BrowserContext chairContext = laptop(); BrowserContext delegateContext = phone()) {
      delegateContext.addInitScript(ALERT_PROBE);
      Page chair = open(signIn(chairContext, CHAIR, DemoData.PASSWORD), "en", meeting);
      Page delegate = open(signIn(delegateContext, DELEGATE, DemoData.PASSWORD), "en", meeting);
      assertThat(delegate).hasTitle(Pattern.compile("^SG1RGQ SG1 Rapporteur Group meeting on Question 4/1 — Rapporteur$"));
      assertInFirstScreen(delegate, "#request-floor");
      assertNoSidewaysScroll(delegate, "delegate");
      assertThat(delegate.locator("#tab-agenda")).isVisible();
      shot(delegate, "meeting-delegate-phone-en");

      delegate.click("#request-floor");
      assertThat(delegate.locator("#withdraw-floor")).hasText("Withdraw my request");
      chair.locator("#queue-list li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Aibek"))
          .locator("text=Give the floor").click();
      assertThat(delegate.locator("#floor-banner")).containsText("You have the floor");
      assertThat(delegate.locator("#finish-floor")).hasText("I have finished");
      assertThat(delegate).hasTitle(Pattern.compile("^✋ You have the floor — SG1RGQ"));
      assertThat(delegate.locator("#not-registered")).hasCount(0);
      assertThat(((Number) delegate.evaluate("window.vibrations")).intValue()).isEqualTo(1);
      assertThat(((Number) delegate.evaluate("window.beeps")).intValue()).isEqualTo(2);
      assertInFirstScreen(delegate, "#finish-floor");
      assertNoSidewaysScroll(delegate, "delegate with the floor");
      shot(delegate, "meeting-delegate-floor-phone-en");

      delegate.click("#finish-floor");
      assertThat(delegate.locator("#floor-banner")).hasCount(0);
      assertThat(delegate.locator("#request-floor")).isVisible();
      assertThat(delegate).hasTitle(Pattern.compile("^SG1RGQ"));
      assertThat(chair.locator("#queue-list .queue-speaking")).hasCount(0);

      // In Arabic, with sound and vibration switched off: the banner still comes, silently.
      delegate.navigate(server.origin() + "/?lang=ar" + meeting.substring(1));
      assertThat(delegate.locator("html")).hasAttribute("dir", "rtl");
      delegate.uncheck("#floor-alert");
      delegate.reload();
      assertThat(delegate.locator("#floor-alert")).not().isChecked();
      assertInFirstScreen(delegate, "#request-floor");
      assertNoSidewaysScroll(delegate, "delegate in Arabic");
      shot(delegate, "meeting-delegate-phone-ar");
      delegate.click("#request-floor");
      chair.locator("#queue-list li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Aibek"))
          .locator("text=Give the floor").click();
      assertThat(delegate.locator("#floor-banner")).containsText("الكلمة لك الآن");
      assertThat(delegate.locator("#finish-floor")).hasText("انتهيت من مداخلتي");
      assertThat(((Number) delegate.evaluate("window.vibrations")).intValue()).isZero();
      shot(delegate, "meeting-delegate-floor-phone-ar");
    }
  }

  @Test
  @DisplayName("The chair marks the item under discussion and edits its presenter and minutes; a delegate sees it live with the time counting down, in English and in Arabic")
  void chairMarksTheCurrentItemAndEditsIt() {
    String meeting = meetingPath();
    try (BrowserContext chairContext = laptop(); BrowserContext delegateContext = phone()) {
      Page chair = open(signIn(chairContext, CHAIR, DemoData.PASSWORD), "en", meeting);
      Page delegate = open(signIn(delegateContext, DELEGATE, DemoData.PASSWORD), "ar", meeting);
      var second = chair.locator("#agenda > ol > li").nth(1);
      second.locator(".details-item").first().click();
      chair.fill("#item-editor input[name=presenter]", "Rapporteur for Question 4/1");
      chair.fill("#item-editor input[name=plannedMinutes]", "45");
      chair.click("#save-item");
      assertThat(delegate.locator("#agenda > ol > li").nth(1)).containsText("Rapporteur for Question 4/1");
      assertThat(delegate.locator("#agenda > ol > li").nth(1).locator(".agenda-row").first()).containsText("45");

      second.locator(".mark-current").first().click();
      assertThat(delegate.locator("#current-item")).containsText("Question 4/1: economic policies");
      assertThat(delegate.locator("#countdown")).containsText(Pattern.compile("4[45]:\\d\\d"));
      assertThat(delegate.locator("#agenda li.current")).hasCount(1);
      assertThat(chair.locator("#countdown")).isVisible();
      assertNoSidewaysScroll(delegate, "delegate following the current item");
      shot(chair, "meeting-chair-en");
      shot(delegate, "meeting-current-phone-ar");

      // The same in Arabic on the chair's side: a sub-item's minutes, and the mark moves to it.
      chair.selectOption("#language", "ar");
      assertThat(chair.locator("html")).hasAttribute("dir", "rtl");
      var sub = chair.locator("#agenda > ol > li").nth(1).locator(":scope > ol > li").first();
      // The page is drawn again in Arabic: act on the new one, not on the English one it replaces.
      assertThat(sub.locator(".details-item").first()).hasText("تحرير");
      sub.locator(".details-item").first().click();
      chair.fill("#item-editor input[name=plannedMinutes]", "20");
      chair.fill("#item-editor input[name=presenter]", "أمين المقرر");
      chair.click("#save-item");
      sub.locator(".mark-current").first().click();
      assertThat(delegate.locator("#current-item")).containsText("Review of contributions");
      assertThat(delegate.locator("#countdown")).containsText(Pattern.compile("(19|20):\\d\\d"));
      assertThat(delegate.locator("#agenda")).containsText("أمين المقرر");
      shot(chair, "meeting-chair-ar");

      // A reload (or a reconnect) shows the same mark: it is stored, not only pushed.
      delegate.reload();
      assertThat(delegate.locator("#current-item")).containsText("Review of contributions");
    }
  }

  @Test
  @DisplayName("A removed item comes back at its place with Undo; the badge says the approved agenda changed since; the chair's phone page fits the screen")
  void removalIsUndoneAndTheChairsPhonePageFits() {
    String meeting = meetingPath();
    try (BrowserContext chairContext = laptop(); BrowserContext chairPhone = phone();
        BrowserContext anonymousContext = phone()) {
      Page chair = open(signIn(chairContext, CHAIR, DemoData.PASSWORD), "en", meeting);
      chair.click("#approve-agenda");
      assertThat(chair.locator("#agenda-status")).hasText("Approved");
      var third = chair.locator("#agenda > ol > li").nth(2);
      assertThat(title(third)).hasValue("Work plan and next meeting");
      third.locator(".remove-item").first().click();
      assertThat(title(chair.locator("#agenda > ol > li").nth(2))).hasValue("Any other business and closing");
      assertThat(chair.locator("#agenda-status")).hasText("Approved, changed since");
      assertThat(chair.locator("#toast")).containsText("Work plan and next meeting");
      chair.click("#toast-action");
      assertThat(title(chair.locator("#agenda > ol > li").nth(2))).hasValue("Work plan and next meeting");
      assertThat(chair.locator("#agenda > ol > li")).hasCount(4);

      // In Arabic: removed and put back again.
      chair.selectOption("#language", "ar");
      assertThat(chair.locator("#agenda .details-item").first()).hasText("تحرير");
      chair.locator("#agenda > ol > li").nth(3).locator(".remove-item").first().click();
      assertThat(chair.locator("#toast")).containsText("أُزيل البند");
      chair.click("#toast-action");
      assertThat(title(chair.locator("#agenda > ol > li").nth(3))).hasValue("Any other business and closing");

      for (String lang : new String[] {"en", "ar"}) {
        Page small = open(chairPhone.pages().isEmpty() ? signIn(chairPhone, CHAIR, DemoData.PASSWORD)
            : chairPhone.pages().get(0), lang, meeting);
        assertThat(small.locator("#agenda .agenda-row").first()).isVisible();
        assertNoSidewaysScroll(small, "chair in " + lang);
        shot(small, "meeting-chair-phone-" + lang);
        small.click("#tab-queue");
        assertThat(small.locator("#queue-h")).isVisible();
        assertThat(small.locator("#agenda-h")).isHidden();
        assertNoSidewaysScroll(small, "chair's speakers tab in " + lang);
      }

      // An anonymous visitor of the public group's meeting reads it, with nothing to press that cannot work.
      Page anonymous = anonymousContext.newPage();
      java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
      anonymous.onPageError(errors::add);
      open(anonymous, "en", meeting);
      assertThat(anonymous.locator("#agenda li.agenda-item").first()).isVisible();
      assertThat(anonymous.locator("#request-floor, #chat, #registration button, #participants, form")).hasCount(0);
      assertNoSidewaysScroll(anonymous, "anonymous visitor");
      assertThat(errors).isEmpty();
    }
  }

  @Test
  @DisplayName("The chair records a delegate's attendance, marks a document revised into another, edits and cancels the meeting, and the delegate sees it cancelled")
  void chairRunsTheMeetingItself() {
    String meeting = meetingPath();
    try (BrowserContext chairContext = laptop(); BrowserContext delegateContext = phone()) {
      Page delegate = open(signIn(delegateContext, DELEGATE, DemoData.PASSWORD), "en", meeting);
      delegate.locator("#registration button").filter(new com.microsoft.playwright.Locator.FilterOptions()
          .setHasText("remotely")).click();
      assertThat(delegate.locator("#registration")).containsText("You are registered");
      Page chair = open(signIn(chairContext, CHAIR, DemoData.PASSWORD), "en", meeting);

      chair.click("#participants summary");
      assertThat(chair.locator("#participants-csv")).hasAttribute("href", Pattern.compile("attendance\\.csv$"));
      var row = chair.locator("#participants li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Aibek"));
      row.locator("button.attend").first().click();
      assertThat(row).containsText("present remotely");

      chair.locator("#agenda li[data-id] .details-item").nth(2).click();
      chair.locator("#item-editor select[name=status-0]").selectOption("revised");
      assertThat(chair.locator("#item-editor .into").first()).containsText("Revised into");
      chair.locator("#item-editor select[name=into-0]").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
      chair.click("#save-item");
      assertThat(delegate.locator("#agenda .into-link")).hasText("Revised into");

      chair.click("#meeting-admin summary");
      chair.fill("#edit-meeting input[name=venue]", "ITU headquarters, Geneva, Popov room");
      chair.click("#edit-meeting button[type=submit]");
      assertThat(chair.locator(".facts")).containsText("Popov room");
      chair.click("#meeting-admin summary");
      chair.click("#cancel-meeting");
      chair.fill("#cancellation textarea", "Postponed to February");
      chair.click("#confirm-cancel");
      assertThat(chair.locator("#meeting-cancelled")).containsText("Postponed to February");
      delegate.reload();
      assertThat(delegate.locator("#meeting-cancelled")).containsText("This meeting is cancelled.");
      assertThat(delegate.locator("#request-floor")).hasCount(0);
    }
  }
}
