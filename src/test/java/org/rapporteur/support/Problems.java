package org.rapporteur.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;

/** Assertions on problem+json answers. */
public final class Problems {
  private Problems() {}

  /** Asserts the status and the problem+json type, and returns the problem. */
  public static JsonObject assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    return problem;
  }

  /** Asserts a problem that names {@code field} among its field errors. */
  public static JsonObject assertFieldProblem(HttpResponse<Buffer> response, int status, String field) {
    JsonObject problem = assertProblem(response, status);
    List<String> fields = problem.getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
    assertThat(fields).as(problem.encode()).contains(field);
    return problem;
  }
}
