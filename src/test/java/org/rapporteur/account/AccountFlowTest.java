package org.rapporteur.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class AccountFlowTest {
  @TempDir
  Path dataDir;
  TestServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registerSignInMeAndSignOut() {
    ApiClient client = server.client();
    JsonObject user = client.register("fatou.ndiaye@example.sn", "Fatou Ndiaye");
    assertThat(user.getString("email")).isEqualTo("fatou.ndiaye@example.sn");
    assertThat(user.containsKey("password")).isFalse();
    assertThat(client.get("/api/me").statusCode()).isEqualTo(401);

    client.signIn("Fatou.Ndiaye@example.sn", ApiClient.PASSWORD);
    assertThat(client.get("/api/me").bodyAsJsonObject().getString("name")).isEqualTo("Fatou Ndiaye");

    assertThat(client.delete("/api/session").statusCode()).isEqualTo(204);
    assertThat(client.get("/api/me").statusCode()).isEqualTo(401);
  }
}
