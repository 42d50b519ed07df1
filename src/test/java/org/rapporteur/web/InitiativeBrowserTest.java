package org.rapporteur.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.Chromium;

/**
 * The regional initiatives portal in the browser. The similarity engineer adds "similar projects of
 * another region show" here: {@link #openProject} opens a project page and waits for it, and the page's
 * section {@code #similar-work} lists {@code .similar-item} elements with {@code data-region}.
 */
class InitiativeBrowserTest extends BrowserTest {
  private static final String PROJECT_CODE = "9RAF10099-01";
  final List<String> consoleErrors = new ArrayList<>();

  /** The portal pages make several requests each; on a CI machine busy with other builds they take seconds. */
  @BeforeEach
  void waitLongerForPages() {
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterEach
  void restoreTheDefaultWait() {
    PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
  }

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("demo", true);
  }

  Page watched(Page page) {
    page.onConsoleMessage(message -> {
      // 401 (/api/me for a visitor), 400 (a refused form) and 404 (a route not built yet) are answers, not faults.
      if ("error".equals(message.type()) && !message.text().matches(".*\\b(401|400|404)\\b.*")) {
        consoleErrors.add(message.text());
      }
    });
    return page;
  }

  String partnerId(String acronym) {
    return server.client().get("/api/partners?q=" + acronym).bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(p -> acronym.equals(p.getString("acronym"))).findFirst().orElseThrow()
        .getString("id");
  }

  /** A project page, rendered, in the context's language. */
  protected Page openProject(BrowserContext context, String projectId) {
    Page page = watched(context.newPage());
    page.navigate(server.origin() + "/#/projects/" + projectId);
    assertThat(page.locator("#project-title")).isVisible();
    return page;
  }

  @Test
  @DisplayName("The secretariat creates an initiative and a project in the pages; an anonymous reader opens the project in Arabic")
  void secretariatCreatesInitiativeAndProjectAndAReaderOpensItInArabic() {
    String ecowas = partnerId("ECOWAS");
    String projectId;
    try (BrowserContext staffContext = chromium.newContext()) {
      Page staff = watched(signIn(staffContext, "helene.martin@demo.example", DemoData.PASSWORD));
      staff.click("#nav-initiatives");
      assertThat(staff).hasTitle("Initiatives — Rapporteur");
      staff.click("#new-initiative");
      staff.click("#initiative-form button[type=submit]");
      assertThat(staff.locator("#f-code-error")).not().isEmpty();
      assertThat(staff.locator("#f-title-error")).containsText("required");

      staff.fill("#initiative-form input[name=code]", "AFR6");
      staff.fill("#initiative-form input[name=title]", "Regional cybersecurity centres for West Africa");
      staff.fill("#initiative-form textarea[name=objective]", "To set up national computer incident response teams "
          + "and share their practice across the region.");
      staff.fill("#initiative-form textarea[name=expectedResults]", "National CIRTs in operation\nA regional CIRT network");
      staff.click("#initiative-form button[type=submit]");
      assertThat(staff).hasURL(Pattern.compile(".*#/initiatives/[0-9a-f]{24}$"));
      assertThat(staff.locator("#initiative-title")).containsText("AFR6");
      assertThat(staff.locator("#expected-results li")).hasCount(2);
      assertThat(staff).hasTitle("AFR6 — Initiatives — Rapporteur");
      String initiativeId = staff.url().replaceAll(".*/", "");

      staff.navigate(server.origin() + "/#/projects/new");
      staff.fill("#project-form input[name=code]", PROJECT_CODE);
      staff.selectOption("#project-form select[name=initiativeIds]", initiativeId);
      staff.fill("#project-form input[name=title]", "National incident response teams in Senegal and the Gambia");
      staff.fill("#project-form textarea[name=description]", "Sets up two national CIRTs and trains their staff.");
      staff.selectOption("#project-form select[name=status]", "implementation");
      staff.fill("input[name='countries[0].code']", "SN");
      staff.fill("input[name='countries[0].share']", "60");
      staff.click("#add-country");
      staff.fill("input[name='countries[1].code']", "GM");
      staff.fill("input[name='countries[1].share']", "30");
      staff.selectOption("select[name='partners[0].partnerId']", ecowas);
      staff.selectOption("select[name='partners[0].role']", "funding");
      staff.fill("#project-form input[name=sdgTargets]", "9.c, 16.a");
      staff.check("#project-form input[name=wsis][value=C5]");
      staff.click("#project-form button[type=submit]");
      // Shares of 60 and 30: the server names the list, and the page shows it at the countries.
      assertThat(staff.locator("#f-countries-error")).containsText("100");
      staff.fill("input[name='countries[1].share']", "40");
      staff.click("#project-form button[type=submit]");
      assertThat(staff).hasURL(Pattern.compile(".*#/projects/[0-9a-f]{24}$"));
      assertThat(staff.locator("#project-title")).containsText(PROJECT_CODE);
      assertThat(staff.locator("#countries")).containsText("Senegal");
      assertThat(staff.locator("#project-partners")).containsText("ECOWAS");
      assertThat(staff.locator("#project-tags")).containsText("WSIS C5");
      assertThat(staff.locator("#project-edit")).isVisible();
      projectId = staff.url().replaceAll(".*/", "");
    }

    try (BrowserContext readerContext = chromium.newContext()) {
      Page reader = openProject(readerContext, projectId);
      assertThat(reader).hasTitle(PROJECT_CODE + " — Initiatives — Rapporteur");
      assertThat(reader.locator("#project-edit")).hasCount(0);
      reader.selectOption("#language", "ar");
      assertThat(reader.locator("html")).hasAttribute("dir", "rtl");
      assertThat(reader.locator("#project-status")).hasText("قيد التنفيذ");
      assertThat(reader.locator("#project-lessons-h")).hasText("الدروس المستفادة");
      assertThat(reader.locator("#countries")).containsText("السنغال");
      // Written in English and not translated: shown as it is, in its own direction, marked as the original.
      assertThat(reader.locator("#project-title [lang=en]")).hasAttribute("dir", "ltr");
      assertThat(reader.locator("#project-title .original-mark")).containsText("الإنجليزية");
      assertThat(reader).hasTitle(PROJECT_CODE + " — المبادرات — Rapporteur");
      reader.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("project-ar")).setFullPage(true));
    }
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  @DisplayName("The dashboard draws its charts as SVG with text alternatives, right to left in Arabic, and a phone does not scroll sideways")
  void dashboardDrawsSvgChartsAndMirrorsInArabic() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = watched(context.newPage());
      page.navigate(server.origin() + "/#/dashboard");
      for (String chart : List.of("#chart-status", "#chart-funds", "#chart-cash", "#chart-results")) {
        assertThat(page.locator(chart + " svg[role=img] > title")).hasCount(1);
        assertThat(page.locator(chart + " svg > desc")).hasCount(1);
        assertThat(page.locator(chart + " svg rect").first()).isAttached();
        assertThat(page.locator(chart + " details table")).hasCount(1);
      }
      assertThat(page.locator("#chart-status tbody tr")).hasCount(6);
      // The dashboard counts what the list API gives: one more published project is one more in its region's row.
      assertThat(page.locator("#dashboard-count")).hasText(server.client().get("/api/projects?limit=1")
          .bodyAsJsonObject().getInteger("total") + " projects");
      assertThat(page).hasTitle("Dashboard — Initiatives — Rapporteur");
      double ltrStart = Double.parseDouble(page.locator("#chart-status svg > rect").first().getAttribute("x"));
      assertThat(ltrStart).isEqualTo(140.0);

      page.selectOption("#language", "ar");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("#chart-status h2")).hasText("المشاريع حسب المنطقة والحالة");
      // In Arabic the bars start at the right, beside the region names.
      var rect = page.locator("#chart-status svg > rect").first();
      double rtlEnd = Double.parseDouble(rect.getAttribute("x")) + Double.parseDouble(rect.getAttribute("width"));
      assertThat(rtlEnd).isCloseTo(400 - 140, org.assertj.core.data.Offset.offset(0.1));
    }
    try (BrowserContext context = chromium.newContext()) {
      Page page = watched(context.newPage());
      String group = server.client().get("/api/groups?q=SG3RG-AFR").bodyAsJsonObject().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(g -> "SG3RG-AFR".equals(g.getString("code"))).findFirst().orElseThrow()
          .getString("id");
      page.navigate(server.origin() + "/#/groups/" + group);
      assertThat(page.locator("#group-initiatives")).containsText("AFR1");
    }
    try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = watched(phone.newPage());
      String projectId = server.client().get("/api/projects?q=9RAF10002").bodyAsJsonObject().getJsonArray("items")
          .getJsonObject(0).getString("id");
      for (String path : List.of("/?lang=ar#/projects/" + projectId, "/?lang=ar#/dashboard", "/#/initiatives")) {
        page.navigate(server.origin() + path);
        assertThat(page.locator("main h1")).isVisible();
        assertThat(page.locator("main [aria-busy]")).hasCount(0);
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scroll on " + path).isLessThanOrEqualTo(0);
      }
      page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("initiatives-phone")));
    }
    assertThat(consoleErrors).isEmpty();
  }
}
