package org.rapporteur.operate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChildServer;
import org.rapporteur.support.Eventually;

@Timeout(120)
@ExtendWith(VertxExtension.class)
class JsonLogsTest {
  private static final String WRONG_PASSWORD = "wrong-password-zebra-4711";

  @TempDir
  Path dataDir;
  @Test
  @DisplayName("With LOG_FORMAT=json every line is a JSON object; a failed request's line has its id and user, and no secret")
  void failedRequestLoggedWithIdAndUserWithoutSecrets(Vertx vertx) throws Exception {
    try (ChildServer server = ChildServer.start(dataDir, Map.of("LOG_FORMAT", "json"))) {
      ApiClient client = ApiClient.forPort(vertx, server.port());
      String userId = client.registerAndSignIn("logged@example.org", "Logged Person").getString("id");
      String session = client.cookie("rapporteur_session");
      ApiClient stranger = ApiClient.forPort(vertx, server.port());
      HttpResponse<Buffer> refused = stranger.request(HttpMethod.POST, "/api/session")
          .sendJsonObject(new JsonObject().put("email", "logged@example.org").put("password", WRONG_PASSWORD)).await();
      assertThat(refused.statusCode()).isEqualTo(401);

      HttpResponse<Buffer> missing = client.request(HttpMethod.GET, "/api/groups/000000000000000000000000")
          .putHeader("X-Request-Id", "trace-0123456789").send().await();
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.getHeader("X-Request-Id")).isEqualTo("trace-0123456789");
      assertThat(missing.bodyAsJsonObject().getString("instance")).isEqualTo("urn:request:trace-0123456789");

      HttpResponse<Buffer> odd = client.request(HttpMethod.GET, "/api/groups/000000000000000000000000")
          .putHeader("X-Request-Id", "bad id with spaces").send().await();
      String generated = odd.getHeader("X-Request-Id");
      assertThat(generated).isNotBlank().doesNotContain(" ");
      assertThat(odd.bodyAsJsonObject().getString("instance")).isEqualTo("urn:request:" + generated);

      List<JsonObject> lines = Eventually.until(() -> parsed(server.output()),
          all -> all.stream().anyMatch(line -> "trace-0123456789".equals(line.getString("requestId"))),
          "the failed request's log line");
      JsonObject line = lines.stream().filter(l -> "trace-0123456789".equals(l.getString("requestId"))).findFirst()
          .orElseThrow();
      assertThat(line.getString("userId")).isEqualTo(userId);
      assertThat(line.getString("message")).contains("404").contains("/api/groups/");
      assertThat(line.getString("level")).isEqualTo("INFO");
      assertThat(line.getString("time")).isNotBlank();
      assertThat(lines).anyMatch(l -> l.getString("message", "").contains("POST /api/session 401"));
      assertThat(server.output()).allSatisfy(text -> assertThat(text)
          .doesNotContain(WRONG_PASSWORD).doesNotContain(ApiClient.PASSWORD).doesNotContain(session));
    }
  }

  /** Every line parsed; one that is not a JSON object fails the test. */
  private static List<JsonObject> parsed(List<String> output) {
    return output.stream().filter(text -> !text.startsWith("Rapporteur is ready")).map(text -> {
      try {
        return new JsonObject(text);
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON object: " + text, e);
      }
    }).toList();
  }
}
