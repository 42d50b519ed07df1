package org.rapporteur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ServerTest;

class HttpPlatformTest extends ServerTest {
  @Test
  void healthAnswersUpWhenTheDatabaseAnswers() {
    var response = server.client().get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    for (String path : List.of("/", "/api/groups", "/api/nowhere", "/app/main.js")) {
      var response = server.client().get(path);
      boolean api = path.startsWith("/api/");
      assertThat(response.getHeader("Content-Security-Policy")).as(path)
          .contains(api ? "default-src 'none'" : "default-src 'self'").contains("frame-ancestors 'none'");
      assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      if (api) {
        assertThat(response.getHeader("Referrer-Policy")).as("an API answer is no document: " + path).isNull();
      } else {
        assertThat(response.getHeader("Referrer-Policy")).as(path).isNotBlank();
      }
    }
  }

  @Test
  void staticFilesAreCachedAndPagesRevalidated() {
    ApiClient client = server.client();
    assertThat(client.get("/app/main.js").getHeader("Cache-Control")).contains("max-age=");
    assertThat(client.get("/").getHeader("Cache-Control")).isEqualTo("no-cache");
    var gzipped = client.request(HttpMethod.GET, "/app/style.css").putHeader("Accept-Encoding", "gzip").send().await();
    assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void unknownApiPathsAndMethodsAnswerProblems() {
    assertProblem(server.client().get("/api/nowhere"), 404);
    assertProblem(server.admin().request(HttpMethod.PATCH, "/api/me").send().await(), 405);
  }

  @Test
  void bodiesAreCheckedBeforeAnyService() {
    ApiClient admin = server.admin();
    var wrongType = admin.request(HttpMethod.POST, "/api/groups").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("code=SG1")).await();
    assertProblem(wrongType, 415);
    var malformed = admin.request(HttpMethod.POST, "/api/groups").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"code\": ")).await();
    assertFieldProblem(malformed, 400, "body");
    var array = admin.request(HttpMethod.POST, "/api/groups").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("[1,2]")).await();
    assertFieldProblem(array, 400, "body");
    long limit = server.config().http().maxJsonBodyBytes();
    var oversize = admin.post("/api/groups", new JsonObject().put("code", "BIG").put("sector", "ITU-D")
        .put("kind", "study-group").put("title", "t").put("mandate", "x".repeat((int) limit + 10)));
    assertFieldProblem(oversize, 413, "body");
    assertThat(admin.get("/api/groups").bodyAsJsonObject().getJsonArray("items")).isEmpty();
  }
}
