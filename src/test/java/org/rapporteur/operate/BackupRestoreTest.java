package org.rapporteur.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.initiative.InitiativeFixture;
import org.rapporteur.liaison.LiaisonFixture;
import org.rapporteur.meeting.MeetingFixture;
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
  @DisplayName("A backup taken under chat load restores into an empty folder with data of every kind, and the search and radar indexes rebuild")
  void backupUnderLoadRestoresEverything(Vertx vertx) throws Exception {
    Path file = backups.resolve("copy.zip");
    String groupId;
    String room;
    String contributionId;
    byte[] document = TestDocuments.docx("Spectrum backup plan", "Fatou", List.of("Broadband for rural schools"));
    long ackedBeforeBackup;
    long head;
    AtomicLong acked = new AtomicLong();
    Seeded seeded;
    try (TestServer server = TestServer.start(vertx, live, SETTINGS)) {
      ChatFixture f = new ChatFixture(server, "public");
      seeded = seedEveryOtherKind(server);
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

      assertEveryOtherKind(server, seeded);
    }
  }

  /** What {@link #seedEveryOtherKind} made, to be found again after the restore. */
  private record Seeded(String meetingPath, String allocated, String liaisonId, String attachment, String projectId,
      String partnerId, JsonObject firstAudit) {}

  /**
   * A meeting with an agenda (items, an allocated contribution) and someone in its speaker queue; a liaison
   * statement sent with an attachment, which notifies the receiving chair; an initiative's project with a
   * partner, a budget and a lesson; and the audit entries all of that leaves.
   */
  private static Seeded seedEveryOtherKind(TestServer server) {
    MeetingFixture meeting = new MeetingFixture(server);
    String allocated = Contributions.uploadOk(meeting.chair, meeting.groupId, "qos.txt",
        "Quality of service thresholds for mobile broadband".getBytes(StandardCharsets.UTF_8), "QoS thresholds")
        .getString("id");
    ok(meeting.chair.put(meeting.meetingPath() + "/agenda", new JsonObject().put("version", 0).put("items",
        new JsonArray().add(new JsonObject().put("id", "open").put("title", "Opening").put("children", new JsonArray()))
            .add(new JsonObject().put("id", "qos").put("title", "Quality of service").put("children", new JsonArray())
                .put("allocations", new JsonArray().add(new JsonObject().put("contributionId", allocated)))))), 200);
    ok(meeting.member.post(meeting.meetingPath() + "/queue", new JsonObject().put("mode", "remote")), 200);

    LiaisonFixture liaisons = new LiaisonFixture(server);
    String attachment = Contributions.uploadOk(liaisons.admin, liaisons.sg3, "roaming.txt",
        "Roaming costs in Africa".getBytes(StandardCharsets.UTF_8), "Roaming costs").getString("id");
    String liaisonId = liaisons.sendFromSg3(liaisons.roamingDraft(Instant.now().plus(Duration.ofDays(30)))
        .put("body", "Methods of determining the costs of international mobile roaming services.")
        .put("attachments", new JsonArray().add(attachment))).getString("id");

    InitiativeFixture initiatives = new InitiativeFixture(server, "SG3RG-AFR-INIT");
    String projectId = initiatives.createProject(initiatives.project("9RAF10084-04"));
    ok(initiatives.manager.post("/api/projects/" + projectId + "/lessons",
        new JsonObject().put("worked", "Early buy-in from the ministry")), 201);

    JsonObject firstAudit = ok(server.admin().get("/api/audit?action=group."), 200).getJsonArray("items")
        .getJsonObject(0);
    return new Seeded(meeting.meetingPath(), allocated, liaisonId, attachment, projectId, initiatives.atu, firstAudit);
  }

  /** Each kind through the API as its users see it, on the restored server. */
  private static void assertEveryOtherKind(TestServer server, Seeded seeded) {
    ApiClient chair = server.client();
    chair.signIn("joao.silva@example.br", ApiClient.PASSWORD);
    assertThat(ok(chair.get(seeded.meetingPath()), 200).getString("title")).isEqualTo("SG13RG-AMS meeting, December 2026");
    JsonArray items = ok(chair.get(seeded.meetingPath() + "/agenda"), 200).getJsonArray("items");
    assertThat(items.stream().map(i -> ((JsonObject) i).getString("number") + " " + ((JsonObject) i).getString("title")))
        .containsExactly("1 Opening", "2 Quality of service");
    assertThat(items.getJsonObject(1).getJsonArray("allocations").getJsonObject(0).getString("contributionId"))
        .isEqualTo(seeded.allocated());
    assertThat(ok(chair.get(seeded.meetingPath() + "/queue"), 200).getJsonArray("items").stream()
        .map(e -> ((JsonObject) e).getString("name"))).containsExactly("Nguyễn Thị Lan");

    ApiClient receiver = server.client();
    receiver.signIn("joao@anatel.br", ApiClient.PASSWORD);
    JsonObject view = ok(receiver.get("/api/liaisons/" + seeded.liaisonId()), 200);
    assertThat(view.getJsonObject("statement").getString("state")).isEqualTo("sent");
    assertThat(view.getJsonObject("statement").getJsonArray("attachments")).containsExactly(seeded.attachment());
    assertThat(view.getJsonArray("attachments").getJsonObject(0).getString("title")).isEqualTo("Roaming costs");
    JsonArray notes = ok(receiver.get("/api/notifications"), 200).getJsonArray("items");
    assertThat(notes.stream().map(n -> ((JsonObject) n).getString("liaisonId"))).contains(seeded.liaisonId());

    ApiClient anonymous = server.client();
    JsonArray radar = Eventually.until(() -> anonymous.get("/api/liaisons/" + seeded.liaisonId() + "/radar")
        .bodyAsJsonObject().getJsonArray("items"), found -> !found.isEmpty(), "the rebuilt radar index answering");
    assertThat(radar.stream().map(i -> ((JsonObject) i).getString("ref"))).contains("Q4/1");
    JsonArray fromQuestion = ok(anonymous.post("/api/radar/check", new JsonObject().put("sector", "ITU-D")
        .put("title", "Cost models for international roaming")), 200).getJsonArray("items");
    assertThat(fromQuestion.stream().map(i -> ((JsonObject) i).getString("ref"))).contains("LS/SG3RG-AFR/1");

    JsonObject project = ok(anonymous.get("/api/projects/" + seeded.projectId()), 200);
    assertThat(project.getJsonArray("partners").getJsonObject(0).getString("partnerId")).isEqualTo(seeded.partnerId());
    assertThat(project.getJsonObject("budget").getNumber("amount").intValue()).isEqualTo(250000);
    assertThat(project.getJsonArray("lessons").getJsonObject(0).getJsonObject("worked").getString("text"))
        .isEqualTo("Early buy-in from the ministry");

    JsonArray audit = ok(server.admin().get("/api/audit?action=group."), 200).getJsonArray("items");
    assertThat(audit.stream().map(o -> (JsonObject) o)).contains(seeded.firstAudit());
  }

  private static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
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
