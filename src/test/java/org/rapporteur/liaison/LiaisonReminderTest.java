package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.MailServer;
import org.rapporteur.support.TestServer;

/** Deadline reminders reach a real SMTP server (GreenMail on 127.0.0.1) and the in-app list, once each. */
@ExtendWith(VertxExtension.class)
class LiaisonReminderTest {
  @TempDir
  Path dataDir;
  GreenMail smtp;
  TestServer server;

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    server = TestServer.start(vertx, dataDir, new JsonObject()
        .put("mail", new JsonObject().put("host", "127.0.0.1").put("port", port).put("from", "rapporteur@test.example"))
        .put("liaison", new JsonObject().put("reminderDaysBefore", new JsonArray().add(7).add(1))
            .put("reminderIntervalMillis", 200)));
  }

  @AfterEach
  void stop() {
    server.close();
    smtp.stop();
  }

  @Test
  @DisplayName("A statement due in three days reminds the addressed group's rapporteur and chair once, even after a restart")
  void reminderByMailAndInApp() throws Exception {
    LiaisonFixture f = new LiaisonFixture(server);
    JsonObject sent = f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(3))));
    f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(20))));

    assertThat(smtp.waitForIncomingEmail(15_000, 2)).as("two reminder e-mails").isTrue();
    MimeMessage[] mails = smtp.getReceivedMessages();
    List<String> to = new java.util.ArrayList<>();
    for (MimeMessage mail : mails) {
      to.add(GreenMailUtil.getAddressList(mail.getAllRecipients()));
    }
    assertThat(to).containsExactlyInAnyOrder("joao@anatel.br", "lan@mic.vn");
    assertThat(mails[0].getSubject()).contains("LS/SG3RG-AFR/1").contains("Reply due");
    assertThat(MailServer.body(mails[0])).contains("awaits your reply by").contains("SG3RG-AFR").contains("(UTC)");

    JsonArray notes = ok(f.sg1Chair.get("/api/notifications"), 200).getJsonArray("items");
    assertThat(notes.stream().map(n -> ((JsonObject) n).getString("kind")))
        .containsExactlyInAnyOrder("liaison.reminder", "liaison.received", "liaison.received");
    JsonObject reminder = notes.stream().map(n -> (JsonObject) n)
        .filter(n -> n.getString("kind").equals("liaison.reminder")).findFirst().orElseThrow();
    assertThat(reminder.getString("liaisonId")).isEqualTo(sent.getString("id"));
    assertThat(reminder.getJsonObject("params").getInteger("days")).isEqualTo(7);
    assertThat(reminder.getJsonObject("params").getJsonArray("groups").getList()).containsExactly("ITU-D-SG1");
    assertThat(ok(f.sg3Member.get("/api/notifications"), 200).getJsonArray("items")).isEmpty();

    ok(f.sg1Chair.post("/api/notifications/" + reminder.getString("id") + "/read", new JsonObject()), 204);
    assertThat(ok(f.sg1Chair.get("/api/notifications?unread=true"), 200).getJsonArray("items")).hasSize(2);

    Thread.sleep(1_000);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    server = server.restart();
    Thread.sleep(1_500);
    assertThat(smtp.getReceivedMessages()).as("no reminder is sent twice, even after a restart").hasSize(2);
  }

  @Test
  @DisplayName("A chair of two addressed groups gets one reminder, by mail and in the app, naming both")
  void oneReminderPerPersonForSeveralGroups() throws Exception {
    LiaisonFixture f = new LiaisonFixture(server);
    String sg2 = f.group("ITU-D-SG2", "ITU-D", null, "study-group", "Digital transformation");
    ok(f.admin.post("/api/groups/" + sg2 + "/members", new JsonObject().put("email", "joao@anatel.br")
        .put("role", "chair")), 201);
    f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(3))).put("to", new JsonArray().add(f.sg1).add(sg2)));

    assertThat(smtp.waitForIncomingEmail(15_000, 2)).as("one mail to the chair, one to the rapporteur").isTrue();
    Thread.sleep(1_000);
    List<String> to = new java.util.ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      to.add(GreenMailUtil.getAddressList(mail.getAllRecipients()));
    }
    assertThat(to).containsExactlyInAnyOrder("joao@anatel.br", "lan@mic.vn");
    JsonArray notes = ok(f.sg1Chair.get("/api/notifications"), 200).getJsonArray("items");
    List<JsonObject> reminders = notes.stream().map(n -> (JsonObject) n)
        .filter(n -> n.getString("kind").equals("liaison.reminder")).toList();
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).getJsonObject("params").getJsonArray("groups").getList())
        .containsExactlyInAnyOrder("ITU-D-SG1", "ITU-D-SG2");
  }

  @Test
  @DisplayName("Each reminder e-mail speaks its recipient's profile language, with the deadline in their time zone")
  void reminderMailIsInEachRecipientsLanguageAndZone() throws Exception {
    LiaisonFixture f = new LiaisonFixture(server);
    ok(f.sg1Chair.patch("/api/me/profile", new JsonObject().put("language", "ar").put("timeZone", "Asia/Riyadh")), 200);
    ok(f.sg1Rapporteur.patch("/api/me/profile", new JsonObject().put("language", "fr").put("timeZone", "Europe/Paris")),
        200);
    f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(3))));

    assertThat(smtp.waitForIncomingEmail(15_000, 2)).as("two reminder e-mails").isTrue();
    MimeMessage arabic = null;
    MimeMessage french = null;
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      String to = GreenMailUtil.getAddressList(mail.getAllRecipients());
      if (to.equals("joao@anatel.br")) {
        arabic = mail;
      } else if (to.equals("lan@mic.vn")) {
        french = mail;
      }
    }
    assertThat(arabic).isNotNull();
    assertThat(french).isNotNull();
    assertThat(arabic.getSubject()).startsWith("[Rapporteur] الرد مطلوب قبل").contains("LS/SG3RG-AFR/1");
    assertThat(MailServer.body(arabic)).contains("بيان الاتصال").contains("لاتخاذ إجراء").contains("(Asia/Riyadh)")
        .doesNotContain("awaits");
    assertThat(french.getSubject()).startsWith("[Rapporteur] Réponse attendue avant le").contains("LS/SG3RG-AFR/1");
    assertThat(MailServer.body(french)).startsWith("Bonjour Nguyễn Thị Lan,")
        .contains("La déclaration de liaison").contains("attend votre réponse avant le").contains("(Europe/Paris)");
  }
}
