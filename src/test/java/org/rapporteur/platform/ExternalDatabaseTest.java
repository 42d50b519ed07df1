package org.rapporteur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class ExternalDatabaseTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("With mongo.uri two server instances share one database: groups, sessions and room logs")
  void twoServersShareOneDatabaseThroughMongoUri(Vertx vertx) {
    try (EmbeddedMongo database = EmbeddedMongo.start(dataDir.resolve("shared"), false,
        EmbeddedMongo.DEFAULT_CACHE_MIB)) {
      JsonObject external = new JsonObject().put("mongo", new JsonObject().put("uri", database.connectionString()));
      try (TestServer first = TestServer.start(vertx, dataDir.resolve("first"), external);
          TestServer second = TestServer.start(vertx, dataDir.resolve("second"), external)) {
        assertThat(Files.exists(dataDir.resolve("first").resolve("db"))).as("no embedded database started").isFalse();

        ApiClient admin = first.admin();
        String groupId = admin.post("/api/groups", new JsonObject().put("code", "SG12RG-AFR").put("sector", "ITU-T")
            .put("region", "AFR").put("kind", "regional-group").put("title", "SG12 Africa")).bodyAsJsonObject()
            .getString("id");
        var ack = admin.post("/api/realtime/send", new JsonObject().put("room", "group:" + groupId)
            .put("clientId", "c-shared-1").put("text", "Stored once, readable from every process"));
        assertThat(ack.statusCode()).as(ack.bodyAsString()).isEqualTo(200);

        WebClient other = WebClient.create(vertx);
        try {
          var me = other.get(second.port(), "127.0.0.1", "/api/me")
              .putHeader("Cookie", "rapporteur_session=" + admin.cookie("rapporteur_session")).send().await();
          assertThat(me.statusCode()).as("the session made on the first server is known to the second").isEqualTo(200);
          var history = other.get(second.port(), "127.0.0.1", "/api/rooms/group:" + groupId + "/events")
              .putHeader("Cookie", "rapporteur_session=" + admin.cookie("rapporteur_session")).send().await();
          assertThat(history.bodyAsString()).contains("Stored once, readable from every process");
        } finally {
          other.close();
        }
      }
    }
  }
}
