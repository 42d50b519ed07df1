package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;

/**
 * Private responses are not cached: every answer to a signed-in request says {@code no-store}, even
 * where the route chose a caching header of its own; and signing in hands out a new CSRF token.
 */
class PrivateCachingTest extends SharedServerTest {
  ApiClient member;
  String groupId;
  String contributionId;

  @BeforeAll
  void start() {
    member = server.client();
    member.registerAndSignIn("member@example.org", "Restricted Member");
    groupId = Contributions.group(server.admin(), "SG1CACHE", "restricted", "member@example.org");
    contributionId = Contributions.uploadOk(member, groupId, "private.txt",
        "private words".getBytes(StandardCharsets.UTF_8), "Private").getString("id");
  }

  @Test
  void everySignedInApiResponseSaysNoStore() {
    for (String path : List.of("/api/me", "/api/groups", "/api/groups/" + groupId,
        "/api/groups/" + groupId + "/contributions", "/api/contributions/" + contributionId,
        "/api/contributions/" + contributionId + "/file", "/api/notifications")) {
      HttpResponse<Buffer> response = member.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-store");
    }
  }

  @Test
  void theSignInAnswerItselfSaysNoStore() {
    ApiClient client = server.client();
    client.register("signin-cache@example.org", "Cache Person");
    HttpResponse<Buffer> signedIn = client.post("/api/session",
        new JsonObject().put("email", "signin-cache@example.org").put("password", ApiClient.PASSWORD));
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void signingInRotatesTheCsrfTokenAndTheNewOneWorks() {
    ApiClient client = server.client();
    client.register("rotate@example.org", "Rotating Person");
    String before = client.csrfToken();
    HttpResponse<Buffer> signedIn = client.post("/api/session",
        new JsonObject().put("email", "rotate@example.org").put("password", ApiClient.PASSWORD));
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.cookies()).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    String after = client.cookie("XSRF-TOKEN");
    assertThat(after).isNotBlank().isNotEqualTo(before);

    assertThat(client.delete("/api/session").statusCode()).as("a state change with the new token").isEqualTo(204);
    assertThat(client.cookie("XSRF-TOKEN")).isNotEqualTo(after);
  }
}
