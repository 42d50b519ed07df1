package org.rapporteur.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.DemoPages;
import org.rapporteur.support.DemoPages.DemoPage;
import org.rapporteur.support.PageLoad;
import org.rapporteur.support.PageLoad.Figures;
import org.rapporteur.support.PageLoad.Throttle;
import org.rapporteur.support.TestServer;

/**
 * Page loads on a slow 3G link (Network.emulateNetworkConditions: 400 ms, 50,000 bytes/s each way)
 * in Chromium, signed in as a delegate of the demo group: each page cold (empty cache, a new browser
 * context) and warm (the same context opening it again), -Dbench.runs times; prints the median of
 * each figure as a Markdown table. Run with bench/page-load.sh.
 */
public final class PageLoadBench {
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
  private static final int CHAT_SECONDS = Integer.getInteger("bench.chatSeconds", 30);
  private static final String CHAIR = "aminata.diop@demo.example";

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("rapporteur-page-load");
    TestServer server = TestServer.start(vertx, dataDir, new JsonObject().put("demo", true));
    try (Chromium chromium = Chromium.launch()) {
      List<DemoPage> pages = DemoPages.of(server);
      System.out.println("| page | cold bytes | cold requests | critical path | cold time to usable"
          + " | warm bytes | warm requests | warm time to usable |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (DemoPage page : pages) {
        List<Figures> cold = new ArrayList<>();
        List<Figures> warm = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
          try (BrowserContext context = chromium.browser().newContext()) {
            DemoPages.signIn(context, server.origin(), DemoPages.DELEGATE);
            String url = server.origin() + page.path();
            cold.add(PageLoad.measure(context, url, page.usable(), Throttle.SLOW_3G));
            warm.add(PageLoad.measure(context, url, page.usable(), Throttle.SLOW_3G));
          }
          if (VERBOSE) {
            System.err.println(page.name() + " cold: " + cold.get(run).describe());
            System.err.println(page.name() + " warm: " + warm.get(run).describe());
          }
        }
        System.out.printf("| %s | %,d | %d | %d | %,d ms | %,d | %d | %,d ms |%n", page.name(),
            median(cold, Figures::bytes), median(cold, f -> f.requests()), median(cold, f -> f.criticalPath()),
            median(cold, Figures::millisToUsable), median(warm, Figures::bytes), median(warm, f -> f.requests()),
            median(warm, Figures::millisToUsable));
      }
      chatCost(server, chromium, pages.stream().filter(p -> p.name().equals("meeting")).findFirst().orElseThrow());
    } finally {
      server.close();
      vertx.close().await();
    }
  }

  /**
   * What following a meeting's chat costs a participant: the chair posts one message a second for
   * CHAT_SECONDS; the participant's page counts the WebSocket frames it receives (payload bytes, as
   * DevTools reports them: before permessage-deflate, so the wire carries at most this).
   */
  private static void chatCost(TestServer server, Chromium chromium, DemoPage meeting) {
    ApiClient chair = server.client();
    chair.signIn(CHAIR, DemoData.PASSWORD);
    String room = "meeting:" + meeting.path().substring(meeting.path().lastIndexOf('/') + 1);
    try (BrowserContext context = chromium.browser().newContext()) {
      DemoPages.signIn(context, server.origin(), DemoPages.DELEGATE);
      Page page = context.newPage();
      CDPSession cdp = context.newCDPSession(page);
      cdp.send("Network.enable");
      AtomicLong received = new AtomicLong();
      AtomicLong sent = new AtomicLong();
      AtomicLong frames = new AtomicLong();
      AtomicBoolean counting = new AtomicBoolean();
      cdp.on("Network.webSocketFrameReceived", e -> {
        if (counting.get()) {
          received.addAndGet(e.getAsJsonObject("response").get("payloadData").getAsString()
              .getBytes(StandardCharsets.UTF_8).length);
          frames.incrementAndGet();
        }
      });
      cdp.on("Network.webSocketFrameSent", e -> {
        if (counting.get()) {
          sent.addAndGet(e.getAsJsonObject("response").get("payloadData").getAsString()
              .getBytes(StandardCharsets.UTF_8).length);
        }
      });
      page.navigate(server.origin() + meeting.path());
      page.waitForSelector("#chat");
      page.waitForTimeout(3_000);
      counting.set(true);
      long start = System.nanoTime();
      for (int i = 0; i < CHAT_SECONDS; i++) {
        chair.post("/api/realtime/send", new JsonObject().put("room", room).put("clientId", "bench-" + start + "-" + i)
            .put("text", "Item " + (i % 7 + 1) + ": the floor goes to the delegate of Senegal next."));
        long next = start + (i + 1) * 1_000_000_000L;
        page.waitForTimeout(Math.max(0, (next - System.nanoTime()) / 1_000_000));
      }
      page.waitForTimeout(2_000);
      counting.set(false);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%nChat at one message a second for %d s, one participant: %d frames received, %,d payload"
          + " bytes (%.0f bit/s), %,d bytes sent (%.0f bit/s)%n", CHAT_SECONDS, frames.get(), received.get(),
          received.get() * 8 / seconds, sent.get(), sent.get() * 8 / seconds);
    }
  }

  private static long median(List<Figures> figures, ToLongFunction<Figures> of) {
    List<Long> sorted = figures.stream().map(of::applyAsLong).sorted(Comparator.naturalOrder()).toList();
    return sorted.get(sorted.size() / 2);
  }
}
