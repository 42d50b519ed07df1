package org.rapporteur.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.bench.CountingProxy.Counts;
import org.rapporteur.bench.CountingProxy.Tap;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.DemoPages;
import org.rapporteur.support.TestServer;

/**
 * What following a meeting's chat costs each participant on the wire. N demo accounts, each in a Chromium
 * context of its own, open the demo meeting's page through {@link CountingProxy}, so their WebSocket is the
 * browser's own: permessage-deflate as Chromium negotiates it, the page's subscriptions, heartbeats and read
 * marks. The chair posts one message a second for -Dbench.seconds over the API (outside the proxy). The proxy
 * counts each participant's WebSocket bytes after the upgrade, both ways, frame headers included; the HTTP the
 * pages send meanwhile (read marks, the list of people here) is counted beside it. Run with bench/chat-wire.sh.
 */
public final class ChatWireBench {
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int PARTICIPANTS = Integer.getInteger("bench.participants", 5);
  private static final String CHAIR = "aminata.diop@demo.example";
  private static final List<String> ACCOUNTS = List.of(DemoPages.DELEGATE, "claire.dubois@demo.example",
      "ahmed.hassan@demo.example", "nguyen.thi.lan@demo.example", "joao.silva@demo.example",
      "helene.martin@demo.example", "admin@demo.example");
  private static final List<String> LINES = List.of(
      "Thank you, Chair. Senegal supports the proposal in document 42 with the amendment just read.",
      "Could the secretariat put the revised text on the screen?",
      "Brazil asks for the floor on item 4.2.",
      "We agree; please note our comment on the cost model in the report.",
      "The link is unstable here, I will follow in the chat.",
      "Next speaker: Egypt, then Viet Nam.",
      "Agreed.");
  private static final double TARGET_KBIT_S = 1.0;

  public static void main(String[] args) throws Exception {
    int n = Math.min(PARTICIPANTS, ACCOUNTS.size());
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("rapporteur-chat-wire");
    CountingProxy proxy = CountingProxy.start(vertx);
    String origin = "http://127.0.0.1:" + proxy.port();
    TestServer server = TestServer.start(vertx, dataDir, new JsonObject().put("demo", true)
        .put("http", new JsonObject().put("publicOrigin", origin)));
    proxy.forwardTo(server.port());
    try (Chromium chromium = Chromium.launch()) {
      ApiClient chair = server.client();
      chair.signIn(CHAIR, DemoData.PASSWORD);
      String group = chair.get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items").getJsonObject(0)
          .getString("id");
      String meeting = chair.get("/api/groups/" + group + "/meetings").bodyAsJsonObject().getJsonArray("items")
          .getJsonObject(0).getString("id");
      Map<String, Tap> sockets = new LinkedHashMap<>();
      List<BrowserContext> contexts = new ArrayList<>();
      List<Page> pages = new ArrayList<>();
      for (String account : ACCOUNTS.subList(0, n)) {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        DemoPages.signIn(context, origin, account);
        int before = proxy.taps().size();
        Page page = context.newPage();
        pages.add(page);
        page.navigate(origin + "/#/meetings/" + meeting);
        page.waitForSelector("#chat");
        sockets.put(account, awaitSocket(proxy, before));
      }
      Thread.sleep(3_000);
      Map<Tap, Counts> start = new LinkedHashMap<>();
      proxy.taps().forEach(tap -> start.put(tap, tap.counts()));
      long began = System.nanoTime();
      String room = "meeting:" + meeting;
      for (int i = 0; i < SECONDS; i++) {
        chair.post("/api/realtime/send", new JsonObject().put("room", room)
            .put("clientId", "wire-" + began + "-" + i).put("text", LINES.get(i % LINES.size())));
        long next = began + (i + 1) * 1_000_000_000L;
        Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      report(n, seconds, sockets, start, proxy);
      // The frames were not only small: every page decoded them and shows the last message.
      String last = LINES.get((SECONDS - 1) % LINES.size());
      for (Page page : pages) {
        page.locator("#chat").getByText(last).last().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
            .setTimeout(10_000));
      }
      System.out.println("Every participant's page shows the last message.");
      contexts.forEach(BrowserContext::close);
    } finally {
      server.close();
      proxy.close();
      vertx.close().await();
    }
  }

  /** The WebSocket the page just opened: the first new connection that upgraded. */
  private static Tap awaitSocket(CountingProxy proxy, int before) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<Tap> taps = proxy.taps();
      for (Tap tap : taps.subList(before, taps.size())) {
        if (tap.webSocket()) {
          return tap;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the meeting page opened no WebSocket within 30 s");
  }

  private static void report(int n, double seconds, Map<String, Tap> sockets, Map<Tap, Counts> start,
      CountingProxy proxy) {
    System.out.printf("%nChat at one message a second for %.0f s, %d participants, WebSocket extensions: %s%n%n", seconds,
        n, sockets.values().iterator().next().extensions());
    System.out.println("| participant | frames down (compressed, control) | bytes down | frames up (control) | bytes up"
        + " | kbit/s |");
    System.out.println("|---|---|---|---|---|---|");
    double total = 0;
    for (Map.Entry<String, Tap> e : sockets.entrySet()) {
      Counts c = e.getValue().counts().minus(start.getOrDefault(e.getValue(), new Counts(0, 0, 0, 0, 0, 0, 0, 0)));
      double kbits = (c.downBytes() + c.upBytes()) * 8 / seconds / 1000;
      total += kbits;
      System.out.printf("| %s | %d (%d, %d) | %,d | %d (%d) | %,d | %.2f |%n", e.getKey(), c.downFrames(),
          c.downCompressed(), c.downControl(), c.downBytes(), c.upFrames(), c.upControl(), c.upBytes(), kbits);
    }
    long http = 0;
    for (Tap tap : proxy.taps()) {
      if (!tap.webSocket()) {
        http += tap.counts().httpBytes() - start.getOrDefault(tap, new Counts(0, 0, 0, 0, 0, 0, 0, 0)).httpBytes();
      }
    }
    double mean = total / n;
    System.out.printf("%nWebSocket frames: %.2f kbit/s per participant (target < %.0f kbit/s: %s)%n", mean,
        TARGET_KBIT_S, mean < TARGET_KBIT_S ? "met" : "NOT met");
    System.out.printf("HTTP beside it (read marks, people here): %,d bytes in all, %.2f kbit/s per participant%n", http,
        http * 8 / seconds / 1000 / n);
  }
}
