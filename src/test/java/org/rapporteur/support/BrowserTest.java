package org.rapporteur.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A browser test: Chromium and the real server in a temporary folder, one of each per test. */
@ExtendWith({VertxExtension.class, BrowserJournalOnFailure.class})
public abstract class BrowserTest {
  @TempDir
  protected Path dataDir;
  protected TestServer server;
  protected Chromium chromium;

  /** Settings on top of the test defaults, such as demo data. */
  protected JsonObject settings() {
    return new JsonObject();
  }

  @BeforeEach
  final void startBrowserAndServer(Vertx vertx) {
    chromium = Chromium.launch();
    server = TestServer.start(vertx, dataDir, settings());
  }

  @AfterEach
  final void stopServerAndBrowser() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  /** A new page of the context, signed in through the sign-in form. */
  protected Page signIn(BrowserContext context, String email, String password) {
    return signIn(context, email, password, null, false);
  }

  /** The same in a language ({@code null}: the browser's) and, on a phone, at 390 × 844. */
  protected Page signIn(BrowserContext context, String email, String password, String lang, boolean phone) {
    Page page = context.newPage();
    if (phone) {
      page.setViewportSize(390, 844);
    }
    page.navigate(server.origin() + (lang == null ? "/" : "/?lang=" + lang) + "#/sign-in");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", password);
    page.press("input[name=password]", "Enter");
    assertThat(page.locator("#who")).isVisible();
    return page;
  }
}
