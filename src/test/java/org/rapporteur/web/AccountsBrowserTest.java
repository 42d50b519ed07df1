package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.MailServer;

/** Password reset through a real SMTP server, a join request accepted (the asker reading Arabic), the profile page. */
class AccountsBrowserTest extends BrowserTest {
  static final String NEW_PASSWORD = "a new and longer passphrase";
  MailServer mail;

  @Override
  protected JsonObject settings() {
    mail = MailServer.start();
    return new JsonObject().put("mail", mail.config());
  }

  @AfterEach
  void stopMail() {
    if (mail != null) {
      mail.close();
    }
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(name)).setFullPage(true));
  }

  @Test
  @DisplayName("Forgot password: the link from the e-mail opens the reset page, the new password signs in")
  void passwordResetThroughMail() {
    server.client().register("fatou@artp.sn", "Fatou Ndiaye");
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(server.origin() + "/#/sign-in");
      assertThat(page.locator("body[data-ready=true]")).hasCount(1);
      page.click("#forgot-password");
      page.fill("input[name=email]", "fatou@artp.sn");
      page.press("input[name=email]", "Enter");
      assertThat(page.locator("#reset-requested")).isVisible();
      shot(page, "forgot-password-en");

      String link = MailServer.resetLink(mail.await(1)[0]).group(1);
      page.navigate(link);
      assertThat(page.locator("h1")).hasText("Choose a new password");
      assertThat(page.locator("#f-password-hint")).hasText("At least 10 characters.");
      page.fill("input[name=password]", "too short");
      page.press("input[name=password]", "Enter");
      assertThat(page.locator("#f-password-error")).containsText("at least 10");
      page.fill("input[name=password]", NEW_PASSWORD);
      page.press("input[name=password]", "Enter");
      assertThat(page.locator("#reset-done")).isVisible();
      shot(page, "reset-password-en");

      page.click("#reset-done a");
      page.fill("input[name=email]", "fatou@artp.sn");
      page.fill("input[name=password]", NEW_PASSWORD);
      page.press("input[name=password]", "Enter");
      assertThat(page.locator("#who")).hasText("Fatou Ndiaye");

      page.navigate(link);
      page.fill("input[name=password]", "yet another passphrase");
      page.press("input[name=password]", "Enter");
      assertThat(page.locator(".form-error")).containsText("already used");

      page.navigate(server.origin() + "/?lang=ar#/forgot-password");
      assertThat(page.locator("h1")).hasText("إعادة تعيين كلمة المرور");
      shot(page, "forgot-password-ar");
      page.navigate(server.origin() + "/?lang=ar#/reset-password?token=" + "A".repeat(43));
      assertThat(page.locator("#f-password-hint")).hasText("على الأقل 10 من المحارف.");
      shot(page, "reset-password-ar");
    }
  }

  @Test
  @DisplayName("A join request in Arabic: the asker asks, the chair accepts, the asker is told and is a member")
  void joinRequestAcceptedInArabic() {
    ApiClient admin = server.admin();
    String group = admin.post("/api/groups", new JsonObject().put("code", "SG3RG-AFR").put("sector", "ITU-T")
        .put("region", "AFR").put("kind", "regional-group").put("title", "SG3 Regional Group for Africa")
        .put("mandate", "Tariffs and roaming in Africa").put("visibility", "public")).bodyAsJsonObject().getString("id");
    server.client().register("aminata@artp.sn", "Aminata Diop");
    admin.post("/api/groups/" + group + "/members", new JsonObject().put("email", "aminata@artp.sn").put("role", "chair"));
    server.client().register("nadia@tra.gov.eg", "Nadia Farouk");

    try (BrowserContext askerContext = chromium.newContext(); BrowserContext chairContext = chromium.newContext()) {
      Page asker = signIn(askerContext, "nadia@tra.gov.eg", ApiClient.PASSWORD);
      asker.selectOption("#language", "ar");
      assertThat(asker.locator("html")).hasAttribute("dir", "rtl");
      asker.navigate(server.origin() + "/#/groups/" + group);
      assertThat(asker.locator("#ask-to-join")).hasText("طلب الانضمام");
      asker.fill("#join-message", "أتابع ملف التجوال في الجهاز القومي لتنظيم الاتصالات");
      asker.click("#ask-to-join");
      assertThat(asker.locator("#join-pending")).isVisible();
      shot(asker, "group-join-ar");

      Page chair = signIn(chairContext, "aminata@artp.sn", ApiClient.PASSWORD);
      assertThat(chair.locator("#notification-count")).hasText("1");
      chair.navigate(server.origin() + "/#/groups/" + group);
      assertThat(chair.locator("#join-requests")).containsText("Nadia Farouk");
      assertThat(chair.locator("#join-requests")).containsText("التجوال");
      shot(chair, "join-requests-en");
      chair.click("#join-requests [data-action=accept]");
      assertThat(chair.locator("#join-requests")).containsText("No request is waiting.");
      assertThat(chair.locator("table.members")).containsText("Nadia Farouk");

      assertThat(asker.locator("#notification-count")).hasText("1");
      asker.click("#notifications-link");
      assertThat(asker.locator("#notification-list")).containsText("أصبحت الآن عضوًا في SG3RG-AFR");
      shot(asker, "notifications-ar");
      asker.click("#mark-all-read");
      assertThat(asker.locator("#notification-count")).isHidden();
      assertThat(asker.locator("#mark-all-read")).hasCount(0);
      asker.click("#notification-list a");
      assertThat(asker.locator(".badge.mine")).containsText("عضو");
      assertThat(asker.locator("#ask-to-join")).hasCount(0);
    }
  }

  @Test
  @DisplayName("The profile page sets language and time zone, which then word the pages and their dates")
  void profilePage() {
    server.client().register("fatou@artp.sn", "Fatou Ndiaye");
    try (BrowserContext context = chromium.newContext()) {
      Page page = signIn(context, "fatou@artp.sn", ApiClient.PASSWORD);
      page.click("#who");
      assertThat(page.locator("h1")).hasText("My profile");
      assertThat(page.locator("#f-newPassword-hint")).hasText("At least 10 characters.");
      page.click("#calendar-make");
      assertThat(page.locator("#calendar-url")).hasValue(Pattern.compile("/api/calendar/[A-Za-z0-9_-]{43}\\.ics$"));
      shot(page, "profile-en");

      page.selectOption("select[name=country]", "SN");
      page.selectOption("select[name=timeZone]", "Asia/Tokyo");
      page.selectOption("select[name=language]", "ar");
      page.click("#profile-form button[type=submit]");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("h1")).hasText("ملفي الشخصي");
      assertThat(page.locator("select[name=country] option:checked")).hasText("السنغال");
      shot(page, "profile-ar");

      page.fill("input[name=currentPassword]", "not my password");
      page.fill("input[name=newPassword]", NEW_PASSWORD);
      page.click("#password-form button[type=submit]");
      assertThat(page.locator("#f-currentPassword-error")).isVisible();
      page.fill("input[name=currentPassword]", ApiClient.PASSWORD);
      page.click("#password-form button[type=submit]");
      assertThat(page.locator("#password-changed")).isVisible();

      Object zone = page.evaluate("async () => (await import('/app/i18n.js')).timeZone()");
      org.assertj.core.api.Assertions.assertThat(zone).isEqualTo("Asia/Tokyo");
    }
  }
}
