package org.rapporteur.radar;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class ContributionRadarTest {
  @TempDir
  Path dataDir;

  @Test
  void aContributionsExtractedTextIsOnTheOtherSectorsRadar(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dataDir)) {
      ApiClient admin = server.admin();
      String itut = admin.post("/api/groups", new JsonObject().put("code", "SG3RG-AFR").put("sector", "ITU-T")
          .put("region", "AFR").put("kind", "regional-group").put("title", "SG3 Regional Group for Africa"))
          .bodyAsJsonObject().getString("id");
      String text = "Mobile money interoperability between operators in West Africa: fees charged for "
          + "cross-network mobile money transfers, agent commissions and regulation of mobile money tariffs.";
      JsonObject uploaded = Contributions.uploadOk(admin, itut, "mobile-money.txt",
          text.getBytes(StandardCharsets.UTF_8), "Mobile money interoperability and fees");
      Contributions.awaitExtraction(admin, uploaded.getString("id"));

      JsonObject match = awaitMatch(admin, uploaded.getString("number"), Duration.ofSeconds(20));
      assertThat(match.getString("kind")).isEqualTo("contribution");
      assertThat(match.getString("sector")).isEqualTo("ITU-T");
      assertThat(match.getJsonArray("sharedTerms").encode()).contains("mobil");
    }
  }

  /** The radar is updated from the contribution's change event, so it is polled for a bounded time. */
  private static JsonObject awaitMatch(ApiClient client, String number, Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      JsonArray items = client.post("/api/radar/check", new JsonObject().put("sector", "ITU-D")
          .put("title", "Mobile money fees and interoperability of mobile money services")).bodyAsJsonObject()
          .getJsonArray("items");
      for (Object item : items) {
        if (number.equals(((JsonObject) item).getString("ref"))) {
          return (JsonObject) item;
        }
      }
      Contributions.sleep(200);
    }
    throw new AssertionError("contribution " + number + " never appeared on the radar");
  }
}
