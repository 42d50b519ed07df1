package org.rapporteur.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.MailServer;
import org.rapporteur.support.TestServer;

/** Password reset by e-mail through a real SMTP server (GreenMail on 127.0.0.1). */
@ExtendWith(VertxExtension.class)
class PasswordResetTest {
  static final String NEW_PASSWORD = "a new and longer passphrase";

  @TempDir
  Path dataDir;
  MailServer mail;
  TestServer server;

  void start(Vertx vertx, JsonObject accounts) {
    mail = MailServer.start();
    server = TestServer.start(vertx, dataDir, new JsonObject().put("mail", mail.config()).put("accounts", accounts));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  static JsonObject email(String address) {
    return new JsonObject().put("email", address);
  }

  @Test
  @DisplayName("The e-mailed link sets a new password once, and every session of the person ends")
  void resetLinkSetsThePasswordOnceAndEndsSessions(Vertx vertx) throws Exception {
    start(vertx, new JsonObject());
    ApiClient laptop = server.client();
    laptop.registerAndSignIn("fatou@artp.sn", "Fatou Ndiaye");
    ApiClient phone = server.client();

    HttpResponse<Buffer> asked = phone.post("/api/password-resets", email("Fatou@ARTP.sn"));
    assertThat(asked.statusCode()).isEqualTo(202);
    MimeMessage[] mails = mail.await(1);
    assertThat(mails[0].getSubject()).contains("Reset your password");
    Matcher link = MailServer.resetLink(mails[0]);
    assertThat(link.group(1)).startsWith(server.origin() + "/#/reset-password?token=");
    String token = link.group(2);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");

    assertThat(phone.post("/api/password-resets/confirm", new JsonObject().put("token", token)
        .put("password", NEW_PASSWORD)).statusCode()).isEqualTo(204);
    assertThat(laptop.get("/api/me").statusCode()).as("the laptop's session ended").isEqualTo(401);
    assertThat(server.client().post("/api/session", new JsonObject().put("email", "fatou@artp.sn")
        .put("password", ApiClient.PASSWORD)).statusCode()).as("the old password").isEqualTo(401);
    server.client().signIn("fatou@artp.sn", NEW_PASSWORD);

    assertFieldProblem(phone.post("/api/password-resets/confirm", new JsonObject().put("token", token)
        .put("password", "yet another passphrase")), 400, "token");
    server.client().signIn("fatou@artp.sn", NEW_PASSWORD);
  }

  @Test
  @DisplayName("An unknown address gets the same answer as a known one, and no mail goes out")
  void unknownAddressGetsTheSameAnswer(Vertx vertx) throws Exception {
    start(vertx, new JsonObject());
    server.client().register("fatou@artp.sn", "Fatou Ndiaye");
    HttpResponse<Buffer> known = server.client().post("/api/password-resets", email("fatou@artp.sn"));
    HttpResponse<Buffer> unknown = server.client().post("/api/password-resets", email("nobody@artp.sn"));
    assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(202);
    assertThat(unknown.bodyAsString()).isEqualTo(known.bodyAsString());
    assertThat(new java.util.TreeSet<>(unknown.headers().names())).isEqualTo(new java.util.TreeSet<>(known.headers().names()));

    mail.await(1);
    Thread.sleep(500);
    assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
    assertThat(mail.greenMail().getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("fatou@artp.sn");
  }

  @Test
  @DisplayName("Reset requests are limited per address, known or not, and the limit sends no more mail")
  void requestsAreRateLimitedPerAddress(Vertx vertx) throws Exception {
    start(vertx, new JsonObject().put("passwordResetMaxRequests", 2));
    server.client().register("fatou@artp.sn", "Fatou Ndiaye");
    for (String address : new String[] {"fatou@artp.sn", "nobody@artp.sn"}) {
      assertThat(server.client().post("/api/password-resets", email(address)).statusCode()).isEqualTo(202);
      assertThat(server.client().post("/api/password-resets", email(address)).statusCode()).isEqualTo(202);
      HttpResponse<Buffer> third = server.client().post("/api/password-resets", email(address));
      assertProblem(third, 429);
      assertThat(third.getHeader("Retry-After")).isNotBlank();
    }
    mail.await(2);
    Thread.sleep(500);
    assertThat(mail.greenMail().getReceivedMessages()).hasSize(2);
  }

  @Test
  @DisplayName("An expired link sets nothing")
  void expiredTokenIsRefused(Vertx vertx) {
    start(vertx, new JsonObject().put("passwordResetMinutes", 0));
    server.client().register("fatou@artp.sn", "Fatou Ndiaye");
    server.client().post("/api/password-resets", email("fatou@artp.sn"));
    String token = MailServer.resetLink(mail.await(1)[0]).group(2);
    assertFieldProblem(server.client().post("/api/password-resets/confirm", new JsonObject().put("token", token)
        .put("password", NEW_PASSWORD)), 400, "token");
    server.client().signIn("fatou@artp.sn", ApiClient.PASSWORD);
  }

  @Test
  @DisplayName("Bad input names the field and neither spends the token nor changes the password")
  void badInputNamesTheFieldAndStoresNothing(Vertx vertx) {
    start(vertx, new JsonObject());
    server.client().register("fatou@artp.sn", "Fatou Ndiaye");
    ApiClient anyone = server.client();
    assertFieldProblem(anyone.post("/api/password-resets", new JsonObject()), 400, "email");
    assertFieldProblem(anyone.post("/api/password-resets", email("not an address")), 400, "email");
    assertFieldProblem(anyone.post("/api/password-resets", email("fatou@artp.sn").put("admin", true)), 400, "admin");
    assertThat(mail.greenMail().getReceivedMessages()).isEmpty();

    anyone.post("/api/password-resets", email("fatou@artp.sn"));
    String token = MailServer.resetLink(mail.await(1)[0]).group(2);
    assertFieldProblem(anyone.post("/api/password-resets/confirm", new JsonObject().put("token", token)
        .put("password", "short")), 400, "password");
    assertFieldProblem(anyone.post("/api/password-resets/confirm", new JsonObject().put("token", "x$y")
        .put("password", NEW_PASSWORD)), 400, "token");
    assertFieldProblem(anyone.post("/api/password-resets/confirm", new JsonObject().put("token", "A".repeat(43))
        .put("password", NEW_PASSWORD)), 400, "token");
    assertFieldProblem(anyone.post("/api/password-resets/confirm", new JsonObject().put("password", NEW_PASSWORD)),
        400, "token");
    server.client().signIn("fatou@artp.sn", ApiClient.PASSWORD);

    assertThat(anyone.post("/api/password-resets/confirm", new JsonObject().put("token", token)
        .put("password", NEW_PASSWORD)).statusCode()).as("the token survived the bad attempts").isEqualTo(204);
    server.client().signIn("fatou@artp.sn", NEW_PASSWORD);
  }

  @Test
  @DisplayName("The reset e-mail speaks the profile's language, with the expiry in the profile's time zone")
  void resetMailIsInTheProfileLanguageAndZone(Vertx vertx) throws Exception {
    start(vertx, new JsonObject());
    ApiClient arabic = server.client();
    arabic.registerAndSignIn("layla@tra.example", "Layla Haddad");
    assertThat(arabic.patch("/api/me/profile", new JsonObject().put("language", "ar").put("timeZone", "Asia/Dubai"))
        .statusCode()).isEqualTo(200);
    ApiClient french = server.client();
    french.registerAndSignIn("fatou@artp.sn", "Fatou Ndiaye");
    assertThat(french.patch("/api/me/profile", new JsonObject().put("language", "fr").put("timeZone", "Africa/Dakar"))
        .statusCode()).isEqualTo(200);

    server.client().post("/api/password-resets", email("layla@tra.example"));
    MimeMessage inArabic = mail.await(1)[0];
    assertThat(inArabic.getSubject()).isEqualTo("[Rapporteur] إعادة تعيين كلمة المرور");
    assertThat(MailServer.body(inArabic)).contains("Layla Haddad").contains("افتح هذا الرابط قبل")
        .contains("(Asia/Dubai)").doesNotContain("Someone");
    assertThat(MailServer.resetLink(inArabic).group(1)).startsWith(server.origin() + "/#/reset-password?token=");

    server.client().post("/api/password-resets", email("fatou@artp.sn"));
    MimeMessage inFrench = mail.await(2)[1];
    assertThat(inFrench.getSubject()).isEqualTo("[Rapporteur] Réinitialisez votre mot de passe");
    assertThat(MailServer.body(inFrench)).startsWith("Bonjour Fatou Ndiaye,").contains("ouvrez ce lien avant le")
        .containsPattern("\\d{1,2} [a-zéû]+ \\d{4}").contains("(Africa/Dakar)");
    MailServer.resetLink(inFrench);
  }
}
