package org.rapporteur.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright. Without Chromium the browser tests skip with a message,
 * except under CI, where a missing browser is a failure: CI installs it.
 */
public final class Chromium implements AutoCloseable {
  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;

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
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
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
