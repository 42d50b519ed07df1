package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.TestServer;

/**
 * The service worker every visitor registers (webroot/sw.js): a repeat visit opens from it, a new version
 * of the page is kept only with its files and takes effect on the next visit, and signing out drops what was
 * kept for one person. The "new version" is the server's page with one module renamed, as a build that
 * changed that module would name it, served through Playwright's routing (which sees the worker's requests).
 */
class ServiceWorkerBrowserTest extends BrowserTest {
  private static final String MODULE = "/app/floor.js";
  private static final String NEXT_NAME_HASH = ".0123456789ab.js";
  private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

  @Test
  @DisplayName("A repeat visit opens from the worker; a new version is kept whole, offered with Reload, and never mixed with the old")
  void aNewVersionTakesEffectWholeOnTheNextVisit() throws Exception {
    try (BrowserContext context = chromium.newContext()) {
      Page first = signIn(context, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      awaitKeptPage(first);

      Page second = context.newPage();
      Response opened = second.navigate(server.origin() + "/#/groups");
      assertThat(opened.fromServiceWorker()).as("the page of a repeat visit comes from the worker").isTrue();
      assertThat(second.locator("body[data-ready=true]")).hasCount(1);
      String oldName = importedAs(second, MODULE);
      String newName = oldName.replaceAll("\\.[0-9a-f]{12}\\.js$", NEXT_NAME_HASH);
      serveNextVersion(context, oldName, newName);

      // The kept page opens at once, all of its version; the worker adopts the new one behind it.
      Page third = context.newPage();
      third.navigate(server.origin() + "/#/groups");
      assertThat(third.locator("#update-ready")).isVisible(SOON);
      assertThat(third.locator("#update-ready")).containsText("A new version of Rapporteur is ready");
      third.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("update-ready-en")));
      assertThat(importedAs(third, MODULE)).isEqualTo(oldName);
      assertThat(loaded(third)).anyMatch(url -> url.endsWith(oldName)).noneMatch(url -> url.endsWith(newName));

      third.click("#update-reload");
      assertThat(third.locator("body[data-ready=true]")).hasCount(1);
      assertThat(importedAs(third, MODULE)).isEqualTo(newName);
      assertThat(loaded(third)).anyMatch(url -> url.endsWith(newName)).noneMatch(url -> url.endsWith(oldName));
      assertThat(third.locator("#update-ready")).hasCount(0);
    }
  }

  @Test
  @DisplayName("Signing out drops what was kept for offline reading; the page and its files stay, being nobody's")
  void signingOutDropsThePersonsCopies() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = signIn(context, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      awaitKeptPage(page);
      page.evaluate("() => caches.open('rapporteur-kept-v1').then((c) => c.put('/api/session', new Response('{}')))");
      assertThat(page.evaluate("() => caches.has('rapporteur-kept-v1')")).isEqualTo(true);
      page.click("#sign-out");
      assertThat(page.locator("#sign-in-link")).isVisible();
      await(page, "() => caches.has('rapporteur-kept-v1').then((kept) => !kept)");
      assertThat(page.evaluate("() => caches.has('rapporteur-shell-v1')")).isEqualTo(true);
    }
  }

  @Test
  @DisplayName("The update notice reads in Arabic, right to left, on a phone")
  void theNoticeIsInTheReadersLanguage() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = signIn(context, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD, "ar", true);
      awaitKeptPage(page);
      // What the worker posts once it has kept a new version.
      page.evaluate("() => navigator.serviceWorker.dispatchEvent(new MessageEvent('message', { data: { type: 'updated' } }))");
      Locator notice = page.locator("#update-ready");
      assertThat(notice).isVisible();
      assertThat(notice).containsText("تتوفّر نسخة جديدة");
      assertThat(page.locator("#update-reload")).hasText("إعادة التحميل");
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("update-ready-ar-phone")));
    }
  }

  /** Until the worker has kept the page (it does so at its install, from the HTTP cache). */
  private static void awaitKeptPage(Page page) {
    await(page, "() => caches.match('/', { cacheName: 'rapporteur-shell-v1' }).then((page) => !!page)");
  }

  private static void await(Page page, String expression) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Boolean.TRUE.equals(page.evaluate(expression))) {
      assertThat(System.nanoTime()).as("waiting for " + expression).isLessThan(deadline);
      page.waitForTimeout(100);
    }
  }

  private static String importedAs(Page page, String path) {
    return (String) page.evaluate("(path) => JSON.parse(document.querySelector('script[type=importmap]').textContent)"
        + ".imports[path]", path);
  }

  @SuppressWarnings("unchecked")
  private static List<String> loaded(Page page) {
    return (List<String>) page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)");
  }

  /**
   * From now on the server's page names MODULE {@code newName} (with its import map's hash in the policy and
   * an entity tag of its own), and {@code newName} is the module with a line more.
   */
  private void serveNextVersion(BrowserContext context, String oldName, String newName) {
    String page = server.origin() + "/";
    context.route(url -> url.equals(page), route -> {
      Map<String, String> asked = new HashMap<>(route.request().headers());
      asked.remove("if-none-match");
      APIResponse real = route.fetch(new Route.FetchOptions().setHeaders(asked));
      String html = real.text().replace(oldName, newName);
      Map<String, String> headers = new HashMap<>(real.headers());
      headers.remove("content-encoding");
      headers.remove("content-length");
      headers.put("etag", "\"next-version\"");
      headers.put("content-security-policy", headers.get("content-security-policy")
          .replaceAll("'sha256-[^']+'", Matcher.quoteReplacement("'sha256-" + importMapHash(html) + "'")));
      route.fulfill(new Route.FulfillOptions().setStatus(200).setHeaders(headers).setBody(html));
    });
    context.route(url -> url.equals(server.origin() + newName), route -> {
      APIResponse real = route.fetch(new Route.FetchOptions().setUrl(server.origin() + oldName));
      route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/javascript; charset=utf-8")
          .setHeaders(Map.of("cache-control", "public, max-age=31536000, immutable"))
          .setBody(real.text() + "\n// the next version\n"));
    });
  }

  private static String importMapHash(String html) {
    Matcher m = Pattern.compile("<script type=\"importmap\">([^<]*)</script>").matcher(html);
    assertThat(m.find()).isTrue();
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(m.group(1).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
