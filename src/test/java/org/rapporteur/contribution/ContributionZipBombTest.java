package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestDocuments;
import org.rapporteur.support.TestServer;

/** A hostile file can fail; it must not hurt the server. */
@ExtendWith(VertxExtension.class)
class ContributionZipBombTest {
  @TempDir
  Path dataDir;
  TestServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, dataDir, new JsonObject().put("contributions", new JsonObject()
        .put("extraction", new JsonObject().put("workers", 1).put("timeoutSeconds", 30).put("childHeapMb", 128))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aDocxZipBombEndsFailedWhileHealthKeepsAnsweringFast() {
    ApiClient admin = server.admin();
    ApiClient expert = server.client();
    expert.registerAndSignIn("bomber@example.org", "Bo Mber");
    String groupId = Contributions.group(admin, "BOMB1", "public", "bomber@example.org");
    byte[] bomb = TestDocuments.docxBomb(400);
    assertThat(bomb.length).isLessThan(2_000_000);

    JsonObject created = Contributions.uploadOk(expert, groupId, "innocent.docx", bomb, "Innocent");
    String id = created.getString("id");
    List<Long> healthMillis = new ArrayList<>();
    ApiClient monitor = server.client();
    JsonObject state = created;
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      long t0 = System.nanoTime();
      HttpResponse<Buffer> health = monitor.get("/health");
      healthMillis.add((System.nanoTime() - t0) / 1_000_000);
      assertThat(health.statusCode()).isEqualTo(200);
      state = expert.get("/api/contributions/" + id).bodyAsJsonObject();
      if (!"pending".equals(state.getJsonObject("extraction").getString("state"))) {
        break;
      }
      Contributions.sleep(50);
    }
    JsonObject extraction = state.getJsonObject("extraction");
    assertThat(extraction.getString("state")).isEqualTo("failed");
    assertThat(extraction.getString("reason")).isIn("too-large", "timeout");
    List<Long> sorted = healthMillis.stream().sorted().toList();
    long p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
    assertThat(healthMillis).hasSizeGreaterThan(3);
    assertThat(p99).as("health p99 in ms over %d probes", sorted.size()).isLessThan(500);

    // the extractor recovers and the next ordinary file is read
    JsonObject next = Contributions.uploadOk(expert, groupId, "after.txt",
        "An ordinary contribution after the attack.".getBytes(StandardCharsets.UTF_8), "After");
    assertThat(Contributions.awaitExtraction(expert, next.getString("id")).getJsonObject("extraction").getString("state"))
        .isEqualTo("done");
    HttpResponse<Buffer> original = expert.get("/api/contributions/" + id + "/file");
    assertThat(original.body().length()).isEqualTo(bomb.length);
  }
}
