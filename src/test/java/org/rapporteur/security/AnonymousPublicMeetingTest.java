package org.rapporteur.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.BrowserTest;

/** Issue 18, item 13: an anonymous visitor of a public meeting follows it live, read-only, with a clean console. */
class AnonymousPublicMeetingTest extends BrowserTest {
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  @Test
  @DisplayName("An anonymous visitor of a public meeting sees the chair's agenda change live, no chat input, and no console error")
  void anonymousVisitorFollowsThePublicMeetingLive() {
    String group = server.client().get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    String meeting = server.client().get("/api/groups/" + group + "/meetings").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    ApiClient chair = server.client();
    chair.signIn("aminata.diop@demo.example", DemoData.PASSWORD);
    JsonObject agenda = chair.get("/api/meetings/" + meeting + "/agenda").bodyAsJsonObject();
    long version = agenda.getLong("version");

    try (BrowserContext context = chromium.newContext()) {
      Page visitor = context.newPage();
      List<String> problems = new CopyOnWriteArrayList<>();
      visitor.onConsoleMessage(message -> {
        if ("error".equals(message.type()) || "warning".equals(message.type())) {
          problems.add(message.type() + ": " + message.text());
        }
      });
      visitor.onResponse(response -> {
        if (response.status() >= 400) {
          problems.add(response.status() + " " + response.url());
        }
      });
      List<String> sockets = new CopyOnWriteArrayList<>();
      visitor.onWebSocket(socket -> sockets.add(socket.url()));
      visitor.navigate(server.origin() + "/#/meetings/" + meeting);
      assertThat(visitor.locator("#agenda-version")).hasText("version " + version);
      assertThat(visitor.locator("#chat")).hasCount(0);
      assertThat(visitor.locator("#chat textarea, #chat input[type=file]")).hasCount(0);
      // The page is subscribed once its socket is open: a change made now must arrive live.
      org.rapporteur.support.Eventually.until(() -> sockets.size(), n -> n > 0, "the visitor's page opens its socket");

      String first = agenda.getJsonArray("items").getJsonObject(0).getString("id");
      var moved = chair.post("/api/meetings/" + meeting + "/agenda/moves", new JsonObject().put("version", version)
          .put("itemId", first).putNull("parentId").put("position", 1));
      assertThat(moved.statusCode()).isEqualTo(200);

      assertThat(visitor.locator("#agenda-version")).hasText("version " + (version + 1));
      assertThat(problems).isEmpty();
    }
  }
}
