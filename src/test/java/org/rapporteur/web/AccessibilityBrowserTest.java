package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.BrowserTest;

/**
 * axe-core on the main pages, in English and in Arabic, as the chair and as a visitor: no serious or
 * critical violation. axe is read from the test class path and injected into the page by the test
 * only; the application never serves it.
 */
class AccessibilityBrowserTest extends BrowserTest {
  private static final String AXE = axeSource();
  private static final String RUN_AXE = """
      async () => {
        const results = await axe.run(document, { resultTypes: ['violations'] });
        return JSON.stringify(results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) })));
      }""";

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  private static String axeSource() {
    try (InputStream in = AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js (axe-core) is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each main page by hash path, with an element that shows it has rendered. */
  private Map<String, String[]> mainPages() {
    ApiClient chair = server.client();
    chair.signIn("aminata.diop@demo.example", DemoData.PASSWORD);
    String group = chair.get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
    String meeting = chair.get("/api/groups/" + group + "/meetings").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    String contribution = chair.get("/api/groups/" + group + "/contributions?limit=1").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    Map<String, String[]> pages = new LinkedHashMap<>();
    pages.put("groups", new String[] {"/groups", "#group-count"});
    pages.put("group and its liaison inbox", new String[] {"/groups/" + group, "#members-h"});
    pages.put("meeting", new String[] {"/meetings/" + meeting, "#agenda li.agenda-item"});
    pages.put("contribution", new String[] {"/contributions/" + contribution, "#contribution-number"});
    JsonArray liaisons = chair.get("/api/liaisons").bodyAsJsonObject().getJsonArray("items");
    if (!liaisons.isEmpty()) {
      pages.put("liaison", new String[] {"/liaisons/" + liaisons.getJsonObject(0).getString("id"), "#liaison-number"});
    }
    pages.put("search", new String[] {"/search?q=broadband", "main h1"});
    pages.put("initiatives", new String[] {"/initiatives", "#project-count"});
    return pages;
  }

  @Test
  @DisplayName("axe finds no serious or critical violation on the main pages, in English and in Arabic, and the keyboard focus shows")
  void mainPagesHaveNoSeriousViolations() {
    Map<String, String[]> pages = mainPages();
    List<String> found = new ArrayList<>();
    try (BrowserContext context = context()) {
      Page page = context.newPage();
      page.setContent("<!doctype html><html lang=\"en\"><title>t</title><main><input></main></html>");
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
      assertThat((String) page.evaluate(RUN_AXE)).as("axe runs and finds a planted unlabelled field").contains("\"id\":\"label\",\"impact\":\"critical\"");
    }
    for (String lang : List.of("en", "ar")) {
      try (BrowserContext visitor = context()) {
        Page page = visitor.newPage();
        check(page, lang, "sign-in", "/sign-in", "input[name=email]", found);
      }
      try (BrowserContext context = context()) {
        Page page = signIn(context, "aminata.diop@demo.example", DemoData.PASSWORD);
        pages.forEach((name, where) -> check(page, lang, name, where[0], where[1], found));
      }
    }
    assertThat(found).as("serious and critical axe violations, and focus that cannot be seen").isEmpty();
  }

  /** axe's own script is inline, which the page's Content-Security-Policy would refuse. */
  private BrowserContext context() {
    return chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true));
  }

  /** The first stops of the Tab key from where the page left it, each of which must show where the focus is. */
  @SuppressWarnings("unchecked")
  private static List<String> focusWithoutOutline(Page page, String where) {
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
    List<String> unseen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      page.keyboard().press("Tab");
      List<String> focused = (List<String>) page.evaluate("() => { const e = document.activeElement;"
          + " const s = getComputedStyle(e); return [e.tagName + (e.id ? '#' + e.id : ''), s.outlineStyle, s.outlineWidth]; }");
      if ("BODY".equals(focused.get(0))) {
        break; // past the page's last stop, the focus leaves the document
      }
      if ("none".equals(focused.get(1)) || "0px".equals(focused.get(2))) {
        unseen.add(where + ": focus not visible on " + focused.get(0));
      }
    }
    return unseen;
  }

  private void check(Page page, String lang, String name, String path, String rendered, List<String> found) {
    page.navigate(server.origin() + "/?lang=" + lang + "#" + path);
    assertThat(page.locator("html")).hasAttribute("lang", lang);
    assertThat(page.locator(rendered).first()).isVisible();
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
    JsonArray violations = new JsonArray((String) page.evaluate(RUN_AXE));
    found.addAll(focusWithoutOutline(page, lang + " " + name));
    for (int i = 0; i < violations.size(); i++) {
      JsonObject v = violations.getJsonObject(i);
      if (!List.of("serious", "critical").contains(v.getString("impact"))) {
        System.out.println("axe, " + v.getString("impact") + ": " + lang + " " + name + " " + v.getString("id"));
        continue;
      }
      found.add(lang + " " + name + ": " + v.getString("impact") + " " + v.getString("id") + " (" + v.getString("help")
          + ") at " + v.getJsonArray("nodes").encode());
    }
  }
}
