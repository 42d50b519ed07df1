package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.SharedServerTest;

/**
 * The sign-in limit cannot be raced: of 100 attempts sent at once for one address, no more than
 * {@code accounts.signInMaxFailures} have their password evaluated; the rest get 429 with Retry-After.
 */
class SignInRaceTest extends SharedServerTest {
  private static final int MAX_FAILURES = 5;
  private static final int ATTEMPTS = 100;


  @Override
  protected JsonObject settings() {
    return new JsonObject()
        .put("accounts", new JsonObject().put("signInMaxFailures", MAX_FAILURES).put("pbkdf2Iterations", 1000));
  }

  @Test
  void hundredParallelGuessesGetNoMoreThanTheLimitEvaluated() {
    server.client().register("target@example.org", "Target Person");
    ApiClient csrf = server.client();
    String token = csrf.csrfToken();
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(ATTEMPTS));
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      String password = i == ATTEMPTS / 2 ? ApiClient.PASSWORD : "wrong guess " + i;
      sent.add(http.post("/api/session")
          .putHeader("Cookie", "XSRF-TOKEN=" + token).putHeader("X-XSRF-TOKEN", token)
          .sendJsonObject(new JsonObject().put("email", "target@example.org").put("password", password)));
    }
    Future.join(sent).await();
    List<HttpResponse<Buffer>> responses = sent.stream().map(Future::result).toList();
    Map<Integer, Long> statuses = responses.stream()
        .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

    assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(200, 401, 429);
    assertThat(statuses.getOrDefault(401, 0L)).as(statuses.toString()).isLessThanOrEqualTo(MAX_FAILURES);
    assertThat(statuses.getOrDefault(401, 0L) + statuses.getOrDefault(200, 0L))
        .as("evaluated passwords " + statuses).isLessThanOrEqualTo(MAX_FAILURES + 1);
    assertThat(statuses.getOrDefault(429, 0L)).isGreaterThanOrEqualTo(ATTEMPTS - MAX_FAILURES - 1);
    responses.stream().filter(r -> r.statusCode() == 429).forEach(r -> {
      assertThat(r.getHeader("Retry-After")).isNotNull();
      assertThat(Long.parseLong(r.getHeader("Retry-After"))).isPositive();
    });
    http.close();
  }

  @Test
  void aRightPasswordAfterAFewTyposStillSignsInAndDoesNotUseUpTheLimit() {
    ApiClient person = server.client();
    person.register("typo@example.org", "Typing Person");
    for (int i = 0; i < MAX_FAILURES - 1; i++) {
      assertThat(person.post("/api/session", credentials("typo@example.org", "typo " + i)).statusCode()).isEqualTo(401);
    }
    assertThat(person.post("/api/session", credentials("typo@example.org", ApiClient.PASSWORD)).statusCode())
        .isEqualTo(200);
    assertThat(server.client().post("/api/session", credentials("typo@example.org", ApiClient.PASSWORD)).statusCode())
        .isEqualTo(200);
    assertThat(server.client().post("/api/session", credentials("typo@example.org", "one more typo")).statusCode())
        .isEqualTo(401);
    assertThat(server.client().post("/api/session", credentials("typo@example.org", ApiClient.PASSWORD)).statusCode())
        .as("the limit is reached now").isEqualTo(429);
  }

  private static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }
}
