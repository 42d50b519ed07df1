package org.rapporteur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.BrowserTest;
import org.rapporteur.support.DemoPages;
import org.rapporteur.support.DemoPages.DemoPage;
import org.rapporteur.support.PageLoad;
import org.rapporteur.support.PageLoad.Figures;
import org.rapporteur.support.PageLoad.Throttle;

/**
 * The byte and request budgets of issue 22 for the pages a delegate opens most, signed in: a first
 * visit (empty cache) and a repeat visit. Bytes and requests do not depend on the machine's speed, so
 * they are asserted here; times are the benchmark's (bench/page-load.sh).
 */
class PageBudgetTest extends BrowserTest {
  static final long COLD_BYTES = 100_000;
  static final long WARM_BYTES = 10_000;
  static final int CRITICAL_PATH = 6;
  /** Requests of a first visit: the page, the style sheet, the modules and message file in one round, and the API. */
  static final int COLD_REQUESTS = 50;
  /** A repeat visit: the page revalidated, and the API answers the page shows (a group page has several panels). */
  static final int WARM_REQUESTS = 15;

  @Override
  protected JsonObject settings() {
    // The demo documents must have their light views: give extraction room on a busy machine.
    return new JsonObject().put("demo", true).put("contributions",
        new JsonObject().put("extraction", new JsonObject().put("timeoutSeconds", 300)));
  }

  @Test
  @DisplayName("Groups, group, meeting and light view: first visit within 100 KB and 6 rounds, repeat visit within 10 KB")
  void pagesStayWithinTheirBudgets() {
    List<DemoPage> pages = DemoPages.of(server);
    for (DemoPage page : pages) {
      try (BrowserContext context = chromium.newContext()) {
        DemoPages.signIn(context, server.origin(), DemoPages.DELEGATE);
        String url = server.origin() + page.path();
        Figures cold = PageLoad.measure(context, url, page.usable(), Throttle.ROUNDS_ONLY);
        Figures warm = PageLoad.measure(context, url, page.usable(), Throttle.ROUNDS_ONLY);
        System.out.println(page.name() + " cold: " + cold.describe() + "\n" + page.name() + " warm: " + warm.describe());
        assertThat(cold.bytes()).as(page.name() + " cold: " + cold.describe()).isLessThanOrEqualTo(COLD_BYTES);
        assertThat(cold.requests()).as(page.name() + " cold: " + cold.describe()).isLessThanOrEqualTo(COLD_REQUESTS);
        assertThat(cold.criticalPath()).as(page.name() + " cold: " + cold.describe()).isLessThanOrEqualTo(CRITICAL_PATH);
        assertThat(warm.bytes()).as(page.name() + " warm: " + warm.describe()).isLessThanOrEqualTo(WARM_BYTES);
        assertThat(warm.requests()).as(page.name() + " warm: " + warm.describe()).isLessThanOrEqualTo(WARM_REQUESTS);
        assertThat(warm.criticalPath()).as(page.name() + " warm: " + warm.describe()).isLessThanOrEqualTo(CRITICAL_PATH);
      }
    }
  }
}
