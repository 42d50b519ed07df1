package org.rapporteur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class PersistenceTest {
  @TempDir
  Path dataDir;

  @Test
  void accountsGroupsAndSessionsSurviveARestart(Vertx vertx) {
    TestServer server = TestServer.start(vertx, dataDir);
    ApiClient admin = server.admin();
    String id = admin.post("/api/groups", new JsonObject().put("code", "SG3RG-ARB").put("sector", "ITU-T")
        .put("region", "ARB").put("kind", "regional-group").put("title", "SG3 Arab States"))
        .bodyAsJsonObject().getString("id");
    server.client().register("kept@example.org", "Kept");

    TestServer restarted = server.restart();
    try {
      ApiClient sameBrowser = ApiClient.forPort(vertx, restarted.port());
      assertThat(sameBrowser.get("/api/groups/" + id).bodyAsJsonObject().getString("code")).isEqualTo("SG3RG-ARB");
      assertThat(sameBrowser.signIn("kept@example.org", ApiClient.PASSWORD).getString("name")).isEqualTo("Kept");
    } finally {
      restarted.close();
    }
  }

  @Test
  void demoDataLoadsOnceAndAgainWithoutDuplicates(Vertx vertx) {
    JsonObject demo = new JsonObject().put("demo", true);
    TestServer server = TestServer.start(vertx, dataDir, demo);
    int groups = server.client().get("/api/groups").bodyAsJsonObject().getJsonArray("items").size();
    TestServer restarted = server.restart();
    try {
      ApiClient admin = restarted.admin();
      assertThat(admin.get("/api/groups").bodyAsJsonObject().getJsonArray("items")).hasSize(groups + 1);
      assertThat(groups).as("public demo groups").isGreaterThanOrEqualTo(7);
      ApiClient chair = restarted.client();
      chair.signIn("aminata.diop@demo.example", org.rapporteur.demo.DemoData.PASSWORD);
      JsonObject sg1 = admin.get("/api/groups?q=ITU-D-SG1").bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
      JsonObject workspace = chair.get("/api/groups/" + sg1.getString("id")).bodyAsJsonObject();
      assertThat(workspace.getString("myRole")).isEqualTo("chair");
      assertThat(workspace.getJsonArray("questions")).hasSize(7);
      assertThat(workspace.getJsonArray("members")).hasSize(7);
    } finally {
      restarted.close();
    }
  }
}
