package org.rapporteur.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium driven by Playwright. Without Chromium the browser tests skip with a message,
 * except under CI, where a missing browser is a failure: CI installs it.
 */
public final class Chromium implements AutoCloseable {
  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  /** Lines of the journal a failing test shows; the oldest go first. */
  private static final int JOURNAL_LINES = 80;
  private static final int FRAME_CHARS = 160;

  private final Playwright playwright;
  private final Browser browser;
  private final long startedNanos = System.nanoTime();
  private final ConcurrentLinkedDeque<String> journal = new ConcurrentLinkedDeque<>();
  private final AtomicInteger contexts = new AtomicInteger();

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Chromium launch() {
    boolean present = Files.isExecutable(EXECUTABLE);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must install Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
    }
    assumeTrue(present, "Browser tests skipped: no Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        // Routing sees the service worker's own requests too (ServiceWorkerBrowserTest serves a new version
        // through it): Chromium only, and still behind this switch in Playwright.
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(FLAGS)
        .setTimeout(60_000));
    return new Chromium(playwright, browser);
  }

  public Browser browser() {
    return browser;
  }

  /**
   * A new context whose pages keep a journal: console warnings and errors, uncaught errors, failed
   * requests and each WebSocket's frames. A failing browser test shows it, so a failure seen once on a
   * CI machine says what the pages did.
   */
  public BrowserContext newContext() {
    BrowserContext context = browser.newContext();
    String name = "context " + contexts.incrementAndGet();
    context.onConsoleMessage(message -> {
      if ("error".equals(message.type()) || "warning".equals(message.type())) {
        note(name, "console." + message.type() + ": " + message.text());
      }
    });
    context.onWebError(error -> note(name, "uncaught: " + error.error()));
    context.onRequestFailed(request -> note(name, "failed: " + request.method() + " " + request.url() + " " + request.failure()));
    context.onPage(page -> page.onWebSocket(socket -> {
      note(name, "WebSocket open " + socket.url());
      socket.onFrameSent(frame -> note(name, "ws > " + shortened(frame.text())));
      socket.onFrameReceived(frame -> note(name, "ws < " + shortened(frame.text())));
      socket.onSocketError(error -> note(name, "WebSocket error " + error));
      socket.onClose(closed -> note(name, "WebSocket closed"));
    }));
    return context;
  }

  /** The journal of the pages of {@link #newContext()}, oldest line first. */
  public List<String> journal() {
    return List.copyOf(journal);
  }

  private void note(String context, String line) {
    journal.add(String.format("%7d ms %s: %s", (System.nanoTime() - startedNanos) / 1_000_000, context, line));
    while (journal.size() > JOURNAL_LINES) {
      journal.pollFirst();
    }
  }

  private static String shortened(String text) {
    return text == null || text.length() <= FRAME_CHARS ? String.valueOf(text) : text.substring(0, FRAME_CHARS) + "…";
  }

  /** Where screenshots go: under target/, so CI keeps them with the build. */
  public static Path screenshot(String name) {
    return Path.of("target", "screenshots", name + ".png");
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
