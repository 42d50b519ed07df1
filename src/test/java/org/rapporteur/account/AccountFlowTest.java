package org.rapporteur.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
    server = TestServer.start(vertx, dataDir, new JsonObject()
        .put("accounts", new JsonObject().put("signInMaxFailures", 3)));
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

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() {
    ApiClient client = server.client();
    client.register("ana@example.org", "Ana");
    var response = client.post("/api/session",
        new JsonObject().put("email", "ana@example.org").put("password", ApiClient.PASSWORD));
    String cookie = response.cookies().stream().filter(c -> c.startsWith("rapporteur_session=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/");
  }

  @Test
  void duplicateEmailIsRefusedAndTheFirstAccountStillSignsIn() {
    ApiClient client = server.client();
    client.register("dup@example.org", "First");
    var second = client.post("/api/accounts", new JsonObject().put("email", "DUP@example.org")
        .put("password", "another password").put("name", "Second").put("country", "Chile"));
    assertFieldProblem(second, 409, "email");
    assertThat(client.signIn("dup@example.org", ApiClient.PASSWORD).getString("name")).isEqualTo("First");
  }

  @Test
  void wrongPasswordIsRefusedAndGuessingIsThrottled() {
    ApiClient client = server.client();
    client.register("target@example.org", "Target");
    JsonObject wrong = new JsonObject().put("email", "target@example.org").put("password", "not the password");
    for (int i = 0; i < 3; i++) {
      assertProblem(client.post("/api/session", wrong), 401);
    }
    var throttled = client.post("/api/session", wrong);
    assertProblem(throttled, 429);
    assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isPositive();
    var rightButThrottled = client.post("/api/session",
        new JsonObject().put("email", "target@example.org").put("password", ApiClient.PASSWORD));
    assertProblem(rightButThrottled, 429);
  }

  @Test
  void registrationNamesEveryBadField() {
    ApiClient client = server.client();
    var response = client.post("/api/accounts", new JsonObject()
        .put("email", "not-an-email").put("password", "short").put("country", 42).put("extra", true));
    JsonObject problem = assertFieldProblem(response, 400, "email");
    assertThat(problem.getJsonArray("errors").encode())
        .contains("\"password\"").contains("\"name\"").contains("\"country\"").contains("\"extra\"");
  }

  @Test
  @DisplayName("A string that looks like a MongoDB operator is refused, and no account appears")
  void operatorStringsAreRefused() {
    ApiClient client = server.client();
    var response = client.post("/api/session", new JsonObject()
        .put("email", new JsonObject().put("$gt", "")).put("password", "x"));
    assertFieldProblem(response, 400, "email");
    var registration = client.post("/api/accounts", new JsonObject().put("email", "ops@example.org")
        .put("password", "long enough password").put("name", "$where").put("country", "Peru"));
    assertFieldProblem(registration, 400, "name");
    assertThat(server.admin().get("/api/accounts?email=ops@example.org").statusCode()).isEqualTo(404);
  }

  @Test
  void changesWithoutTheCsrfHeaderAreRefused() {
    ApiClient forged = server.client().withoutCsrfHeader();
    var response = forged.post("/api/accounts", new JsonObject().put("email", "csrf@example.org")
        .put("password", "long enough password").put("name", "Csrf").put("country", "Peru"));
    assertProblem(response, 403);
    assertThat(server.admin().get("/api/accounts?email=csrf@example.org").statusCode()).isEqualTo(404);
  }

  @Test
  void csrfHeaderMustMatchTheCookie() {
    ApiClient client = server.client();
    client.csrfToken();
    var response = client.request(io.vertx.core.http.HttpMethod.POST, "/api/session")
        .putHeader("X-XSRF-TOKEN", "forged-value")
        .sendJsonObject(new JsonObject().put("email", "a@example.org").put("password", "x")).await();
    assertProblem(response, 403);
  }

  @Test
  void onlyAdminsGrantGlobalRolesAndEveryChangeIsAudited() {
    ApiClient admin = server.admin();
    ApiClient person = server.client();
    JsonObject user = person.registerAndSignIn("officer@example.org", "Officer");
    String path = "/api/accounts/" + user.getString("id") + "/roles";

    assertProblem(person.put(path, new JsonObject().put("roles", new JsonArray().add("admin"))), 403);
    assertFieldProblem(admin.put(path, new JsonObject().put("roles", new JsonArray().add("emperor"))), 400, "roles[0]");

    var granted = admin.put(path, new JsonObject().put("roles", new JsonArray().add("secretariat")));
    assertThat(granted.statusCode()).isEqualTo(200);
    assertThat(person.get("/api/me").bodyAsJsonObject().getJsonArray("roles")).containsExactly("secretariat");

    assertProblem(person.get("/api/audit"), 403);
    JsonArray audit = admin.get("/api/audit?subject=" + user.getString("id")).bodyAsJsonObject().getJsonArray("items");
    assertThat(audit.stream().map(e -> ((JsonObject) e).getString("action")))
        .contains("account.roles", "account.register");
  }
}
