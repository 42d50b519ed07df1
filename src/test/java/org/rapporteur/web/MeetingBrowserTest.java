package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

class MeetingBrowserTest extends BrowserTest {
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  Page signedIn(BrowserContext context, String email) {
    return signIn(context, email, DemoData.PASSWORD);
  }

  String demoGroupId() {
    return server.client().get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
  }

  String demoMeetingPath() {
    String group = demoGroupId();
    String meeting = server.client().get("/api/groups/" + group + "/meetings").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    return "/#/meetings/" + meeting;
  }

  @Test
  @DisplayName("The chair reorders the agenda and a participant sees it live; the participant's request for the floor reaches the chair")
  void liveAgendaAndSpeakerQueue() {
    String meeting = demoMeetingPath();
    try (BrowserContext chairContext = chromium.newContext();
        BrowserContext expertContext = chromium.newContext()) {
      Page chair = signedIn(chairContext, "aminata.diop@demo.example");
      Page expert = signedIn(expertContext, "aibek.toktogulov@demo.example");
      chair.navigate(server.origin() + meeting);
      expert.navigate(server.origin() + meeting);
      assertThat(expert.locator("#chat")).isVisible();
      // Count the sockets of a fresh load of the meeting page (sign-in already opened one for notifications).
      java.util.List<String> expertSockets = new java.util.concurrent.CopyOnWriteArrayList<>();
      expert.onWebSocket(socket -> expertSockets.add(socket.url()));
      expert.reload();
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
      chair.locator("#agenda .allocations select").first().selectOption("presented");
      assertThat(expert.locator("#agenda .allocations .status-presented")).hasCount(1);
      assertThat(chair.locator("#allocate-form select[name=contributionId] option")).hasCount(1);
      chair.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("meeting-chair")).setFullPage(true));


      expert.click("#request-floor");
      assertThat(chair.locator("#queue-list")).containsText("Aibek Toktogulov");
      chair.locator("#queue-list li").first().locator("text=Give the floor").click();
      assertThat(expert.locator("#queue-list li.queue-speaking")).containsText("Aibek Toktogulov");
      expert.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("meeting-participant")).setFullPage(true));
      org.assertj.core.api.Assertions.assertThat(expertSockets)
          .as("the agenda, the queue and the chat share the tab's one WebSocket").hasSize(1);

      // From the keyboard alone, right to left: Alt+ArrowLeft makes "Opening" a sub-item of item 1.
      chair.selectOption("#language", "ar");
      assertThat(chair.locator("html")).hasAttribute("dir", "rtl");
      assertThat(chair.locator("#agenda-h")).containsText("جدول الأعمال");
      chair.locator("#agenda > ol > li").nth(1).locator(".agenda-row").first().focus();
      chair.keyboard().press("Alt+ArrowLeft");
      assertThat(expert.locator("#agenda > ol > li").first().locator(":scope > ol > li").last())
          .containsText("Opening of the meeting");
      assertThat(chair.locator("#agenda > ol > li").first().locator(":scope > ol > li").last().locator(".agenda-row"))
          .isFocused();
      chair.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("meeting-chair-ar")).setFullPage(true));

      // The expert goes back to the group; the chair speaks in the meeting's chat meanwhile, and the group page's
      // meeting list marks the meeting updated since.
      String meetingId = meeting.substring(meeting.lastIndexOf('/') + 1);
      expert.navigate(server.origin() + "/#/groups/" + demoGroupId());
      var meetingRow = expert.locator("#meetings li[data-meeting-id='" + meetingId + "']");
      assertThat(meetingRow).isVisible();
      assertThat(meetingRow.locator(".chat-news")).hasCount(0);
      chair.fill("#chat-input", "We resume at 14:30 with item 5.");
      chair.press("#chat-input", "Enter");
      assertThat(chair.locator("#chat-messages")).containsText("We resume at 14:30");
      expert.reload();
      assertThat(meetingRow.locator(".chat-news")).hasText("Updated since your last visit");
    }
  }
}
