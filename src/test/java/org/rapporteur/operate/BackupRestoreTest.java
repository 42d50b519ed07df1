package org.rapporteur.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.TestDocuments;
import org.rapporteur.support.TestServer;

@Timeout(240)
@ExtendWith(VertxExtension.class)
class BackupRestoreTest {
  private static final JsonObject SETTINGS = new JsonObject()
      .put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false)));

  @TempDir
  Path live;
  @TempDir
  Path restored;
  @TempDir
  Path backups;

  @Test
  @DisplayName("A backup taken under chat load restores into an empty folder with people, groups, chat and files, and the search index rebuilds")
  void backupUnderLoadRestoresEverything(Vertx vertx) throws Exception {
    Path file = backups.resolve("copy.zip");
    String groupId;
    String room;
    String contributionId;
    byte[] document = TestDocuments.docx("Spectrum backup plan", "Fatou", List.of("Broadband for rural schools"));
    long ackedBeforeBackup;
    long head;
    AtomicLong acked = new AtomicLong();
    try (TestServer server = TestServer.start(vertx, live, SETTINGS)) {
      ChatFixture f = new ChatFixture(server, "public");
      groupId = f.groupId;
      room = f.room;
      contributionId = Contributions.uploadOk(f.chair, groupId, "plan.docx", document, "Spectrum backup plan")
          .getString("id");
      Contributions.awaitExtraction(f.chair, contributionId);
      for (int i = 0; i < 20; i++) {
        acked.set(ChatFixture.send(f.member, room, "before-" + i, "message " + i));
      }
      ackedBeforeBackup = acked.get();
      AtomicBoolean loading = new AtomicBoolean(true);
      Thread load = new Thread(() -> {
        for (int i = 0; i < 2_000 && loading.get(); i++) {
          acked.set(ChatFixture.send(f.chair, room, "during-" + i, "under load " + i));
        }
      }, "chat-load");
      load.start();
      Eventually.until(acked::get, n -> n > ackedBeforeBackup + 5, "chat load running");
      String summary = BackupCommand.backup(live, file);
      loading.set(false);
      load.join(30_000);
      assertThat(summary).contains("Backup written");
      assertThat(acked.get()).as("the server kept serving").isGreaterThan(ackedBeforeBackup + 5);
      head = f.admin.get("/api/rooms/" + room + "/events?limit=1").bodyAsJsonObject().getLong("head");
    }
    assertThat(Files.list(backups).map(p -> p.getFileName().toString())).containsExactly("copy.zip");

    Path notEmpty = backups.resolve("not-empty");
    Files.createDirectories(notEmpty.resolve("db"));
    assertThatThrownBy(() -> BackupCommand.restore(file, TestServer.config(notEmpty, SETTINGS)))
        .hasMessageContaining("not empty");

    String restoredSummary = BackupCommand.restore(file, TestServer.config(restored, SETTINGS));
    assertThat(restoredSummary).contains("Restored");

    try (TestServer server = TestServer.start(vertx, restored, SETTINGS)) {
      ApiClient admin = server.admin();
      assertThat(admin.get("/api/groups/" + groupId).statusCode()).isEqualTo(200);
      ApiClient member = server.client();
      member.signIn("member1public@example.org", ApiClient.PASSWORD);

      JsonObject history = member.get("/api/rooms/" + room + "/events?limit=200").bodyAsJsonObject();
      long restoredHead = history.getLong("head");
      assertThat(restoredHead).as("every message acknowledged before the backup")
          .isGreaterThanOrEqualTo(ackedBeforeBackup).isLessThanOrEqualTo(head);
      JsonArray items = history.getJsonArray("items");
      for (int i = 1; i < items.size(); i++) {
        assertThat(items.getJsonObject(i).getLong("seq")).as("a gap-free log")
            .isEqualTo(items.getJsonObject(i - 1).getLong("seq") + 1);
      }
      assertThat(items.getJsonObject(items.size() - 1).getLong("seq")).isEqualTo(restoredHead);

      assertThat(member.get("/api/contributions/" + contributionId + "/file").body().getBytes()).isEqualTo(document);
      String found = Eventually.until(() -> member.get("/api/search?q=rural").bodyAsString(),
          body -> body.contains(contributionId), "the rebuilt search index finding the contribution");
      assertThat(found).contains(contributionId);
    }
  }

  @Test
  @DisplayName("The backup endpoint refuses a caller without the data folder's token")
  void backupNeedsTheToken(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, live, SETTINGS)) {
      var anonymous = server.client().request(io.vertx.core.http.HttpMethod.POST, "/ops/backup?file=/tmp/x.zip")
          .send().await();
      assertThat(anonymous.statusCode()).isEqualTo(401);
      var wrong = server.client().request(io.vertx.core.http.HttpMethod.POST, "/ops/backup?file=/tmp/x.zip")
          .putHeader("Authorization", "Bearer 00").send().await();
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(server.admin().request(io.vertx.core.http.HttpMethod.POST, "/ops/backup?file=/tmp/x.zip")
          .send().await().statusCode()).as("an admin session is not the token").isEqualTo(401);
      assertThat(Files.exists(Path.of("/tmp/x.zip"))).isFalse();
    }
  }
}
