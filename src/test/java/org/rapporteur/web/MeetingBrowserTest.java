package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class MeetingBrowserTest {
  @TempDir
  Path dataDir;
  TestServer server;
  Chromium chromium;

  @BeforeEach
  void start(Vertx vertx) {
    chromium = Chromium.launch();
    server = TestServer.start(vertx, dataDir, new JsonObject().put("demo", true));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  Page signedIn(BrowserContext context, String email) {
    Page page = context.newPage();
    page.navigate(server.origin() + "/#/sign-in");
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", DemoData.PASSWORD);
    page.press("input[name=password]", "Enter");
    assertThat(page.locator("#who")).isVisible();
    return page;
  }

  String demoMeetingPath() {
    String group = server.client().get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    String meeting = server.client().get("/api/groups/" + group + "/meetings").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    return "/#/meetings/" + meeting;
  }

  @Test
  @DisplayName("The chair reorders the agenda and a participant sees it live; the participant's request for the floor reaches the chair")
  void liveAgendaAndSpeakerQueue() {
    String meeting = demoMeetingPath();
    try (BrowserContext chairContext = chromium.browser().newContext();
        BrowserContext expertContext = chromium.browser().newContext()) {
      Page chair = signedIn(chairContext, "aminata.diop@demo.example");
      Page expert = signedIn(expertContext, "aibek.toktogulov@demo.example");
      java.util.List<String> expertSockets = new java.util.concurrent.CopyOnWriteArrayList<>();
      expert.onWebSocket(socket -> expertSockets.add(socket.url()));
      chair.navigate(server.origin() + meeting);
      expert.navigate(server.origin() + meeting);
      assertThat(expert.locator("#chat")).isVisible();
      assertThat(expert.locator("#remote-instructions")).containsText("Join from this page");
      assertThat(expert.locator("#agenda li.agenda-item").first()).containsText("Opening of the meeting");
      long version = server.client().get("/api" + meeting.replace("/#", "") + "/agenda").bodyAsJsonObject()
          .getLong("version");
      assertThat(expert.locator("#agenda-version")).hasText("version " + version);
      assertThat(expert.locator("#agenda .allocations")).containsText("Cost models for mobile broadband services");

      chair.locator("#agenda li.agenda-item").first().locator("button[title='Move down']").first().click();
      assertThat(chair.locator("#agenda-version")).hasText("version " + (version + 1));
      assertThat(expert.locator("#agenda-version")).hasText("version " + (version + 1));
      assertThat(expert.locator("#agenda > ol > li").first()).containsText("Question 4/1");
      assertThat(expert.locator("#agenda > ol > li").nth(1)).containsText("Opening of the meeting");
      chair.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("meeting-chair")).setFullPage(true));

      expert.click("#request-floor");
      assertThat(chair.locator("#queue-list")).containsText("Aibek Toktogulov");
      chair.locator("#queue-list li").first().locator("text=Give the floor").click();
      assertThat(expert.locator("#queue-list li.queue-speaking")).containsText("Aibek Toktogulov");
      expert.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("meeting-participant")).setFullPage(true));
      org.assertj.core.api.Assertions.assertThat(expertSockets)
          .as("the agenda, the queue and the chat share the tab's one WebSocket").hasSize(1);
    }
  }
}
