package org.rapporteur.support;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads one page of the application in Chromium, with the network throttled through the DevTools
 * protocol, and counts what crossed the wire until the page was usable and the network went quiet:
 * bytes (encoded length of every response, headers included), requests that reached the network, and
 * the critical path (the longest chain of requests each started after the previous one finished). WebSocket
 * frames are counted apart, by their payload. A request the service worker answers from Cache Storage costs
 * nothing; one it passes to the network counts. The worker's own requests (its script on a first visit, the
 * page's revalidation behind a repeat visit) are not seen here: they belong to the worker's target.
 */
public final class PageLoad {
  /** Network conditions as Network.emulateNetworkConditions takes them; -1 throughput means not throttled. */
  public record Throttle(int latencyMs, int downBytesPerSecond, int upBytesPerSecond) {
    public static final Throttle SLOW_3G = new Throttle(400, 50_000, 50_000);
    /** Round trips long enough to tell the rounds of requests apart, without waiting for bandwidth. */
    public static final Throttle ROUNDS_ONLY = new Throttle(150, -1, -1);
  }

  /** What one load cost. */
  public record Figures(long bytes, int requests, int criticalPath, long millisToUsable, List<String> urls,
      long socketBytesReceived, int socketFramesReceived) {
    public String describe() {
      return String.format("%,d bytes, %d requests, critical path %d, usable after %,d ms%n  %s", bytes, requests,
          criticalPath, millisToUsable, String.join("\n  ", urls));
    }
  }

  private static final long QUIET_MS = 600;
  private static final long MAX_SETTLE_MS = 8_000;
  private static final long USABLE_TIMEOUT_MS = 60_000;

  private static final class Request {
    final String url;
    final double startedAt;
    double finishedAt = Double.NaN;
    long bytes;
    boolean fromCache;
    boolean fromWorker;
    boolean beforeUsable;

    Request(String url, double startedAt) {
      this.url = url;
      this.startedAt = startedAt;
    }
  }

  private final Map<String, Request> requests = new LinkedHashMap<>();
  private final Map<String, Request> byId = new HashMap<>();
  private final List<Long> socketFrames = new ArrayList<>();
  private volatile boolean usable;

  private PageLoad(CDPSession cdp) {
    cdp.on("Network.requestWillBeSent", e -> {
      String url = e.getAsJsonObject("request").get("url").getAsString();
      if (!url.startsWith("http")) {
        return;
      }
      String id = e.get("requestId").getAsString();
      // A redirect reuses the id: the earlier hop is a request of its own.
      Request request = new Request(url, e.get("timestamp").getAsDouble());
      request.beforeUsable = !usable;
      byId.put(id, request);
      requests.put(id + "#" + requests.size(), request);
    });
    cdp.on("Network.requestServedFromCache", e -> with(e, r -> r.fromCache = true));
    cdp.on("Network.responseReceived", e -> with(e, r -> {
      JsonObject response = e.getAsJsonObject("response");
      if (bool(response, "fromDiskCache") || bool(response, "fromPrefetchCache")) {
        r.fromCache = true;
      }
      if (bool(response, "fromServiceWorker")) {
        r.fromWorker = true;
        r.fromCache = !response.has("serviceWorkerResponseSource")
            || !"network".equals(response.get("serviceWorkerResponseSource").getAsString());
      }
    }));
    cdp.on("Network.loadingFinished", e -> with(e, r -> {
      r.finishedAt = e.get("timestamp").getAsDouble();
      r.bytes = r.fromWorker && r.fromCache ? 0 : e.get("encodedDataLength").getAsLong();
    }));
    cdp.on("Network.loadingFailed", e -> with(e, r -> r.finishedAt = e.get("timestamp").getAsDouble()));
    cdp.on("Network.webSocketFrameReceived", e ->
        socketFrames.add((long) e.getAsJsonObject("response").get("payloadData").getAsString().length()));
  }

  private static boolean bool(JsonObject o, String key) {
    return o.has(key) && o.get(key).getAsBoolean();
  }

  private void with(JsonObject event, java.util.function.Consumer<Request> action) {
    Request r = byId.get(event.get("requestId").getAsString());
    if (r != null) {
      action.accept(r);
    }
  }

  /** Opens a DevTools session on the page with these network conditions. */
  public static CDPSession throttle(BrowserContext context, Page page, Throttle throttle) {
    CDPSession cdp = context.newCDPSession(page);
    cdp.send("Network.enable");
    JsonObject conditions = new JsonObject();
    conditions.addProperty("offline", false);
    conditions.addProperty("latency", throttle.latencyMs());
    conditions.addProperty("downloadThroughput", throttle.downBytesPerSecond());
    conditions.addProperty("uploadThroughput", throttle.upBytesPerSecond());
    cdp.send("Network.emulateNetworkConditions", conditions);
    return cdp;
  }

  /**
   * Opens {@code url} in a new page of the context and waits until {@code usable} (a JavaScript
   * expression) holds, then until no request has been in flight for a while.
   */
  public static Figures measure(BrowserContext context, String url, String usableExpression, Throttle throttle) {
    Page page = context.newPage();
    try {
      CDPSession cdp = throttle(context, page, throttle);
      PageLoad load = new PageLoad(cdp);
      long start = System.nanoTime();
      page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(60_000));
      long millis = waitUntil(page, usableExpression, start);
      load.usable = true;
      load.settle(page);
      cdp.detach();
      return load.figures(millis);
    } finally {
      page.close();
    }
  }

  /**
   * Polls from here rather than with waitForFunction, whose string predicates the page's
   * Content-Security-Policy (no eval) refuses.
   */
  private static long waitUntil(Page page, String usableExpression, long start) {
    long deadline = start + USABLE_TIMEOUT_MS * 1_000_000;
    while (!Boolean.TRUE.equals(page.evaluate(usableExpression))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not usable after " + USABLE_TIMEOUT_MS + " ms: " + page.url() + "\n"
            + page.evaluate("document.body.innerText.slice(0, 2000)"));
      }
      page.waitForTimeout(20);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Empties the context's HTTP cache (cookies stay): the next load is a cold one for a signed-in person. */
  public static void clearCache(BrowserContext context) {
    Page page = context.newPage();
    try {
      CDPSession cdp = context.newCDPSession(page);
      cdp.send("Network.enable");
      cdp.send("Network.clearBrowserCache");
      cdp.detach();
    } finally {
      page.close();
    }
  }

  private void settle(Page page) {
    long deadline = System.nanoTime() + MAX_SETTLE_MS * 1_000_000;
    int quietFor = 0;
    while (System.nanoTime() < deadline && quietFor < QUIET_MS) {
      page.waitForTimeout(50);
      quietFor = requests.values().stream().anyMatch(r -> Double.isNaN(r.finishedAt)) ? 0 : quietFor + 50;
    }
  }

  private Figures figures(long millis) {
    List<Request> all = new ArrayList<>(requests.values());
    long bytes = all.stream().mapToLong(r -> r.bytes).sum();
    List<Request> network = all.stream().filter(r -> !r.fromCache).toList();
    List<String> urls = network.stream().map(r -> r.bytes + " " + r.url).toList();
    return new Figures(bytes, network.size(), criticalPath(network), millis, urls,
        socketFrames.stream().mapToLong(Long::longValue).sum(), socketFrames.size());
  }

  /** Rounds of requests before the page was usable: each round could only start once the one before it ended. */
  private static int criticalPath(List<Request> network) {
    List<Request> before = network.stream().filter(r -> r.beforeUsable)
        .sorted(Comparator.comparingDouble(r -> r.startedAt)).toList();
    Map<Request, Integer> depth = new HashMap<>();
    int longest = 0;
    for (Request r : before) {
      int d = 1;
      for (Request q : before) {
        if (q != r && depth.containsKey(q) && !Double.isNaN(q.finishedAt) && q.finishedAt <= r.startedAt) {
          d = Math.max(d, depth.get(q) + 1);
        }
      }
      depth.put(r, d);
      longest = Math.max(longest, d);
    }
    return longest;
  }
}
