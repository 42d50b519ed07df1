package org.rapporteur.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.BrowserTest;

/** What the chat's browser tests do on a page: open a group's chat, say something, read what it shows. */
abstract class ChatBrowserBase extends BrowserTest {

  @Override
  protected JsonObject settings() {
    // Histories are written through the API faster than a person may write.
    return new JsonObject().put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false)));
  }

  Page openGroup(BrowserContext context, String email, String groupId) {
    Page page = signIn(context, email, ApiClient.PASSWORD);
    page.navigate(server.origin() + "/#/groups/" + groupId);
    assertThat(page.locator("#chat")).isVisible();
    return page;
  }

  static void say(Page page, String text) {
    page.fill("#chat-input", text);
    page.press("#chat-input", "Enter");
  }

  /** The texts of the stored messages the page shows, in order (pending ones left out). */
  static List<String> texts(Page page) {
    return page.locator("#chat-messages li.chat-message:not(.chat-pending) .chat-text").allTextContents();
  }
}
