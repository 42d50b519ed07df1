package org.rapporteur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChildServer;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class DurabilityTest {
  private static final int WRITES = 200;

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("Every acknowledged write survives kill -9 of the server process")
  void acknowledgedWritesSurviveKill9(Vertx vertx) throws Exception {
    String groupPath;
    try (ChildServer first = ChildServer.start(dataDir, Map.of())) {
      ApiClient admin = ApiClient.forPort(vertx, first.port());
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      groupPath = "/api/groups/" + admin.post("/api/groups", new JsonObject().put("code", "ITU-D-SG2")
          .put("sector", "ITU-D").put("kind", "study-group").put("title", "Digital transformation"))
          .bodyAsJsonObject().getString("id");
      for (int i = 1; i <= WRITES; i++) {
        var response = admin.post(groupPath + "/questions",
            new JsonObject().put("number", "Q" + i + "/2").put("title", "Question " + i));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
      }
      first.kill();
    }
    try (ChildServer second = ChildServer.start(dataDir, Map.of())) {
      var questions = ApiClient.forPort(vertx, second.port()).get(groupPath + "/questions").bodyAsJsonObject();
      assertThat(questions.getJsonArray("items")).hasSize(WRITES);
    }
  }
}
