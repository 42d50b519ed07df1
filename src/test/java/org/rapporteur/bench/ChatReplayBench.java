package org.rapporteur.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestServer;

/**
 * A delegate's page loses its link while the room goes on, then gets what it missed as one replay.
 * Measures in Chromium how long the chat panel takes from the first replayed frame to the last missed
 * message on screen, and the main thread's long tasks meanwhile (what the reader feels as a frozen
 * page), for the chat.js served now and, with -Dbench.compare=FILE, an earlier chat.js served in its
 * place. Run with bench/chat-replay-bench.sh.
 */
public final class ChatReplayBench {
  private static final int MISSED = Integer.getInteger("bench.missed", 2000);
  private static final String COMPARE = System.getProperty("bench.compare");
  private static final String MEMBER_EMAIL = "delegate@example.org";
  private static final String CHAIR_EMAIL = "chair@example.org";
  /** Keeps every socket the page opens, and when each frame arrived, before the app handles it. */
  private static final String PROBE = """
      window.sockets = []; window.frameTimes = []; window.longTasks = [];
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args) {
          super(...args);
          window.sockets.push(this);
          this.addEventListener('message', () => window.frameTimes.push(performance.now()));
        }
      };
      new PerformanceObserver((list) => list.getEntries()
        .forEach((e) => window.longTasks.push([e.startTime, e.duration]))).observe({ entryTypes: ['longtask'] });
      """;
  private static final String LAST_SHOWN = """
      (last) => {
        const rows = document.querySelectorAll('#chat-messages li.chat-message:not(.chat-pending) .chat-text');
        return rows.length > 0 && rows[rows.length - 1].textContent === last ? performance.now() : false;
      }""";

  private record Result(String chatJs, int frames, double replayMillis, double longestTaskMillis,
      double longTasksMillis, int rowsShown) {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("rapporteur-replay-bench");
    TestServer server = TestServer.start(vertx, dataDir,
        new JsonObject().put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false))));
    ApiClient admin = server.admin();
    ApiClient chair = server.client();
    chair.registerAndSignIn(CHAIR_EMAIL, "Chair of the group");
    server.client().registerAndSignIn(MEMBER_EMAIL, "Delegate on a slow link");
    List<Result> results = new ArrayList<>();
    try (Chromium chromium = Chromium.launch()) {
      results.add(run(server, admin, chair, chromium, "current", null));
      if (COMPARE != null) {
        results.add(run(server, admin, chair, chromium, Path.of(COMPARE).getFileName().toString(),
            Files.readString(Path.of(COMPARE))));
      }
    } finally {
      server.close();
      vertx.close();
    }
    System.out.printf("%nReplay of %d missed messages in Chromium (headless), one page:%n%n", MISSED);
    System.out.println("| chat.js | replay frames | first frame to last message shown, ms | longest task, ms "
        + "| long tasks in all, ms | rows on the page |");
    System.out.println("|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %d |%n", r.chatJs(), r.frames(), r.replayMillis(),
          r.longestTaskMillis(), r.longTasksMillis(), r.rowsShown());
    }
    if (results.size() == 2) {
      System.out.printf("%nratio earlier/current: replay x%.1f, longest task x%.1f%n",
          results.get(1).replayMillis() / results.get(0).replayMillis(),
          results.get(1).longestTaskMillis() / Math.max(1, results.get(0).longestTaskMillis()));
    }
  }

  private static Result run(TestServer server, ApiClient admin, ApiClient chair, Chromium chromium, String name,
      String chatJs) {
    String groupId = Contributions.group(admin, "REPLAY-" + name.hashCode(), "restricted", MEMBER_EMAIL);
    admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", CHAIR_EMAIL).put("role", "chair"));
    String room = "group:" + groupId;
    try (BrowserContext context = chromium.browser().newContext()) {
      context.addInitScript(PROBE);
      if (chatJs != null) {
        context.route("**/app/chat.js", route -> route.fulfill(new Route.FulfillOptions()
            .setContentType("text/javascript").setBody(chatJs)));
      }
      Page page = context.newPage();
      page.navigate(server.origin() + "/#/sign-in");
      page.waitForSelector("body[data-ready=true]");
      page.fill("input[name=email]", MEMBER_EMAIL);
      page.fill("input[name=password]", ApiClient.PASSWORD);
      page.press("input[name=password]", "Enter");
      page.waitForSelector("#who");
      page.navigate(server.origin() + "/#/groups/" + groupId);
      send(chair, room, name + "-before", "Before the link dropped");
      page.waitForFunction(LAST_SHOWN, "Before the link dropped");

      context.setOffline(true);
      page.evaluate("() => { window.sockets.forEach((s) => s.close()); }");
      for (int i = 1; i <= MISSED; i++) {
        send(chair, room, name + "-" + i, "Missed message " + i + " on the draft liaison statement to ITU-T SG13");
      }
      page.evaluate("() => { window.frameTimes = []; window.longTasks = []; }");
      context.setOffline(false);
      double shownAt = ((Number) page.waitForFunction(LAST_SHOWN,
          "Missed message " + MISSED + " on the draft liaison statement to ITU-T SG13",
          new Page.WaitForFunctionOptions().setTimeout(600_000)).jsonValue()).doubleValue();
      JsonArray frameTimes = new JsonArray(page.evaluate("() => JSON.stringify(window.frameTimes)").toString());
      JsonArray longTasks = new JsonArray(page.evaluate("() => JSON.stringify(window.longTasks)").toString());
      double firstFrame = frameTimes.getDouble(0);
      double longest = 0;
      double total = 0;
      for (Object task : longTasks) {
        JsonArray t = (JsonArray) task;
        if (t.getDouble(0) + t.getDouble(1) >= firstFrame) {
          longest = Math.max(longest, t.getDouble(1));
          total += t.getDouble(1);
        }
      }
      int rows = ((Number) page.evaluate("() => document.querySelectorAll('#chat-messages li.chat-message').length"))
          .intValue();
      return new Result(name, frameTimes.size(), shownAt - firstFrame, longest, total, rows);
    }
  }

  private static void send(ApiClient chair, String room, String clientId, String text) {
    var response = chair.post("/api/realtime/send",
        new JsonObject().put("room", room).put("clientId", clientId).put("text", text));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("send: " + response.statusCode() + " " + response.bodyAsString());
    }
  }
}
