package org.rapporteur.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Chromium;

@Timeout(120)
class ChatBrowserTest extends ChatBrowserBase {

  @Test
  @DisplayName("Two pages in one room; one goes offline, sends, comes back: both end with the same messages, none twice")
  void offlineSendsArriveOnceEverywhere() {
    ChatFixture f = new ChatFixture(server, "restricted");
    try (BrowserContext a = chromium.newContext(); BrowserContext b = chromium.newContext()) {
      Page member = openGroup(a, f.memberEmail, f.groupId);
      Page chair = openGroup(b, f.chairEmail, f.groupId);

      say(member, "Bonjour, see https://www.itu.int/en/ITU-D for the text");
      assertThat(chair.locator("#chat-messages")).containsText("Bonjour");
      assertThat(chair.locator("#chat-messages a[href='https://www.itu.int/en/ITU-D']")).hasCount(1);
      assertThat(chair.locator("#chat-messages .chat-text").first()).hasAttribute("dir", "auto");
      // A screen reader hears who said what; the list itself is not live.
      assertThat(chair.locator("#chat-announcer")).hasText(Pattern.compile("^Aïcha Member \\d+: Bonjour, see https://www.itu.int/en/ITU-D for the text$"));
      assertThat(chair.locator("#chat-messages")).not().hasAttribute("aria-live", Pattern.compile(".*"));

      a.setOffline(true);
      member.waitForTimeout(1000);
      say(member, "written while offline");
      say(member, "<b>not bold</b>");
      assertThat(member.locator("#chat-messages li.chat-pending")).hasCount(2);
      say(chair, "the chair speaks meanwhile");
      assertThat(chair.locator("#chat-messages")).containsText("the chair speaks meanwhile");

      // The tab is closed while still offline: the outbox must survive in localStorage.
      member.close();
      a.setOffline(false);
      member = a.newPage();
      member.navigate(server.origin() + "/#/groups/" + f.groupId);
      assertThat(member.locator("#chat")).isVisible();
      assertThat(member.locator("#chat-messages li.chat-pending")).hasCount(0,
          new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(40_000));
      assertThat(chair.locator("#chat-messages")).containsText("written while offline");
      assertThat(chair.locator("#chat-messages")).containsText("<b>not bold</b>");
      assertThat(chair.locator("#chat-messages b")).hasCount(0);
      assertThat(member.locator("#chat-messages")).containsText("the chair speaks meanwhile");

      member.waitForTimeout(500);
      List<String> seenByMember = texts(member);
      List<String> seenByChair = texts(chair);
      assertThat(seenByMember).isEqualTo(seenByChair);
      assertThat(seenByMember).hasSize(4).doesNotHaveDuplicates();
      member.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("chat-member")).setFullPage(true));
    }
  }

  @Test
  @DisplayName("Where WebSockets are blocked: a message sent offline over the fallback waits, says so, and arrives once; the page moves back to a WebSocket when one gets through")
  void fallbackSendOfflineWaitsInTheOutbox() {
    ChatFixture f = new ChatFixture(server, "restricted");
    try (BrowserContext a = chromium.newContext(); BrowserContext b = chromium.newContext()) {
      a.addInitScript("const Native = window.WebSocket; window.blockSockets = true;"
          + " window.WebSocket = class extends Native { constructor(...args) {"
          + " if (window.blockSockets) throw new Error('WebSockets are blocked here'); super(...args); } };");
      Page member = openGroup(a, f.memberEmail, f.groupId);
      Page chair = openGroup(b, f.chairEmail, f.groupId);
      assertThat(member.locator("#chat-status")).containsText("fallback");

      say(member, "sent over the fallback");
      assertThat(chair.locator("#chat-messages")).containsText("sent over the fallback");

      a.setOffline(true);
      say(member, "sent while the fallback was offline");
      assertThat(member.locator("#chat-status")).hasText(
          "The server could not be reached; your message waits in the outbox and is sent when the connection returns.");
      assertThat(member.locator("#chat-messages li.chat-pending")).hasCount(1);

      a.setOffline(false);
      assertThat(member.locator("#chat-messages li.chat-pending")).hasCount(0,
          new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
      assertThat(chair.locator("#chat-messages")).containsText("sent while the fallback was offline");
      member.waitForTimeout(500);
      assertThat(texts(member)).isEqualTo(texts(chair)).hasSize(2).doesNotHaveDuplicates();

      // The network lets WebSockets through again (another Wi-Fi): the page moves back to one.
      member.evaluate("() => { window.blockSockets = false; window.dispatchEvent(new Event('online')); }");
      assertThat(member.locator("#chat-status")).not().containsText("fallback");
      say(chair, "heard over the WebSocket");
      assertThat(member.locator("#chat-messages")).containsText("heard over the WebSocket");
      List<String> posts = new CopyOnWriteArrayList<>();
      member.onRequest(request -> {
        if (request.url().contains("/api/realtime/")) {
          posts.add(request.url());
        }
      });
      say(member, "sent over the WebSocket");
      assertThat(chair.locator("#chat-messages")).containsText("sent over the WebSocket");
      assertThat(posts).isEmpty();
      assertThat(member.locator("#chat-messages li.chat-pending")).hasCount(0);
      member.waitForTimeout(500);
      assertThat(texts(member)).isEqualTo(texts(chair)).hasSize(4).doesNotHaveDuplicates();
    }
  }

  @Test
  @DisplayName("A page whose link drops gets what it missed as one compressed replay frame, and shows every message once")
  void longReplayAfterTheLinkReturns() {
    ChatFixture f = new ChatFixture(server, "restricted");
    try (BrowserContext a = chromium.newContext(); BrowserContext b = chromium.newContext()) {
      // Offline emulation keeps open WebSockets open, and may let a new one through: the test drops the
      // page's socket itself, and while it holds them, every new one goes to a closed port and fails, as over a
      // dead link.
      a.addInitScript("const Native = window.WebSocket; window.sockets = []; window.holdSockets = false;"
          + " window.WebSocket = class extends Native { constructor(url, ...rest) {"
          + " super(window.holdSockets ? 'ws://127.0.0.1:9/' : url, ...rest); window.sockets.push(this); } };");
      Page member = openGroup(a, f.memberEmail, f.groupId);
      Page chair = openGroup(b, f.chairEmail, f.groupId);
      List<String> frames = new CopyOnWriteArrayList<>();
      member.onWebSocket(ws -> ws.onFrameReceived(frame -> frames.add(frame.text())));
      say(chair, "before the drop");
      assertThat(member.locator("#chat-messages")).containsText("before the drop");

      a.setOffline(true);
      member.evaluate("() => { window.holdSockets = true; window.sockets.forEach((socket) => socket.close()); }");
      assertThat(member.locator("#chat-status")).not().hasText("");
      for (int i = 1; i <= 8; i++) {
        say(chair, "Point " + i + " of the chair's summary: the group agrees to send the liaison statement on"
            + " Question 5/1 to ITU-T SG13 once the text of section " + i + " is settled by correspondence.");
      }
      assertThat(chair.locator("#chat-messages")).containsText("Point 8 of the chair's summary");
      member.evaluate("() => { window.holdSockets = false; }");
      a.setOffline(false);

      assertThat(member.locator("#chat-messages")).containsText("Point 8 of the chair's summary",
          new LocatorAssertions.ContainsTextOptions().setTimeout(40_000));
      member.waitForTimeout(500);
      assertThat(texts(member)).isEqualTo(texts(chair)).hasSize(9).doesNotHaveDuplicates();
      assertThat(member.locator("#chat-announcer")).hasText("8 new messages");
      // The eight missed messages came back together, in a frame large enough (over 1 KiB) to be compressed.
      assertThat(frames).anySatisfy(text -> assertThat(text).startsWith("{\"type\":\"events\"")
          .contains("Point 1 of").contains("Point 8 of").hasSizeGreaterThan(1024));
    }
  }
  @Test
  @DisplayName("A link down through several reconnect attempts comes back on a WebSocket at once, not on the fallback")
  void aLongDropReturnsToTheWebSocket() {
    ChatFixture f = new ChatFixture(server, "restricted");
    try (BrowserContext a = chromium.newContext(); BrowserContext b = chromium.newContext()) {
      a.addInitScript("const Native = window.WebSocket; window.sockets = []; window.eventSources = 0;"
          + " window.WebSocket = class extends Native { constructor(...args) { super(...args); window.sockets.push(this); } };"
          + " const NativeSource = window.EventSource;"
          + " window.EventSource = class extends NativeSource { constructor(...args) { super(...args); window.eventSources++; } };");
      Page member = openGroup(a, f.memberEmail, f.groupId);
      Page chair = openGroup(b, f.chairEmail, f.groupId);
      say(chair, "before the drop");
      assertThat(member.locator("#chat-messages")).containsText("before the drop");

      a.setOffline(true);
      member.evaluate("() => { window.sockets.forEach((socket) => socket.close()); }");
      // Two attempts to reconnect fail while the link is down (after about 1 and 2 s of back-off).
      member.waitForFunction("() => window.sockets.length >= 3", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      member.waitForTimeout(1000);
      say(chair, "while the member was away");
      long back = System.nanoTime();
      a.setOffline(false);

      assertThat(member.locator("#chat-messages")).containsText("while the member was away",
          new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      long returnedMillis = (System.nanoTime() - back) / 1_000_000;
      assertThat(returnedMillis).as("back without waiting out the back-off").isLessThan(5_000);
      assertThat(member.locator("#chat-status")).not().containsText("fallback");
      assertThat(member.evaluate("() => window.eventSources")).isEqualTo(0);
      assertThat(member.evaluate("() => window.sockets[window.sockets.length - 1].readyState")).isEqualTo(1);
      say(member, "back on the WebSocket");
      assertThat(chair.locator("#chat-messages")).containsText("back on the WebSocket");
      // The chair may see it before the member's own page has its ack and stops showing it as pending.
      assertThat(member.locator("#chat-messages li.chat-pending")).hasCount(0);
      assertThat(texts(member)).isEqualTo(texts(chair)).hasSize(3).doesNotHaveDuplicates();
    }
  }
  @Test
  @DisplayName("On a slow link, a reader who moves on before a group's page arrived gets the page they went to, with its chat live; the page they left does not replace it")
  void aPageLeftWhileLoadingNeverReplacesTheNextOne() {
    ChatFixture left = new ChatFixture(server, "restricted");
    ChatFixture next = new ChatFixture(server, "restricted");
    assertThat(next.admin.post("/api/groups/" + next.groupId + "/members",
        new JsonObject().put("email", left.memberEmail).put("role", "member")).statusCode()).isEqualTo(201);
    try (BrowserContext context = chromium.newContext()) {
      Page page = openGroup(context, left.memberEmail, next.groupId);
      List<Route> held = new CopyOnWriteArrayList<>();
      page.route(url -> url.endsWith("/api/groups/" + left.groupId), held::add);
      page.navigate(server.origin() + "/#/groups/" + left.groupId);
      page.waitForCondition(() -> !held.isEmpty(), new Page.WaitForConditionOptions().setTimeout(10_000));
      page.navigate(server.origin() + "/#/groups/" + next.groupId);
      assertThat(page.locator("h1")).containsText("Chat group " + next.number);
      assertThat(page.locator("#chat")).isVisible();

      // The answer for the page left behind comes last, with its chat's history.
      page.waitForResponse(response -> response.url().contains(left.groupId + "/events"),
          () -> held.forEach(Route::resume));
      page.waitForTimeout(500);
      assertThat(page.locator("h1")).containsText("Chat group " + next.number);
      assertThat(page.locator(".chat")).hasCount(1);
      ChatFixture.send(next.chair, next.room, "c-after-the-race", "still live here");
      assertThat(page.locator("#chat-messages")).containsText("still live here");
    }
  }
}
