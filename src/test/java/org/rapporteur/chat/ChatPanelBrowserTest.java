package org.rapporteur.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Chromium;
import org.rapporteur.support.Eventually;

/** The chat panel as a long meeting uses it: paging back, following the end, mentions, moderation. */
@Timeout(120)
class ChatPanelBrowserTest extends ChatBrowserBase {
  private static final int MESSAGES = 130;

  private static double scrollTop(Page page) {
    return ((Number) page.evaluate("() => document.getElementById('chat-messages').scrollTop")).doubleValue();
  }

  @Test
  @DisplayName("Earlier messages page back with their later edits, keep the reader's place, new ones wait below a button, and a hidden tab counts them in its title")
  void historyPagesBackAndNewMessagesWaitBelow() {
    ChatFixture f = new ChatFixture(server, "restricted");
    for (int i = 1; i <= MESSAGES; i++) {
      ChatFixture.send(f.chair, f.room, "history-" + i, "Message " + i + " of the draft report on Question 5/1");
    }
    // An edit of a message that the first page will not hold: it must reach that message once loaded.
    var edit = f.chair.post("/api/realtime/edit", new JsonObject().put("room", f.room).put("clientId", "edit-5")
        .put("target", 5).put("text", "Message 5, corrected by the chair"));
    assertThat(edit.statusCode()).as(edit.bodyAsString()).isEqualTo(200);

    try (BrowserContext context = chromium.newContext()) {
      Page member = openGroup(context, f.memberEmail, f.groupId);
      assertThat(member.locator("#chat-messages li.chat-message")).hasCount(99);
      assertThat(member.locator("#chat-earlier")).isVisible();
      member.waitForFunction("() => { const l = document.getElementById('chat-messages');"
          + " return l.scrollHeight - l.scrollTop - l.clientHeight < 48; }");

      // The reader scrolls up to the start of what is shown, then asks for more.
      member.locator("#chat-messages").scrollIntoViewIfNeeded();
      member.evaluate("() => { document.getElementById('chat-messages').scrollTop = 0; }");
      String firstShown = texts(member).get(0);
      member.click("#chat-earlier");
      assertThat(member.locator("#chat-messages li.chat-message")).hasCount(MESSAGES);
      assertThat(member.locator("#chat-earlier")).isHidden();
      List<String> all = texts(member);
      assertThat(all.get(0)).isEqualTo("Message 1 of the draft report on Question 5/1");
      assertThat(all.get(4)).isEqualTo("Message 5, corrected by the chair");
      assertThat(all).doesNotHaveDuplicates();
      // The reader stays where they were: the row that was first is still in view, not the first loaded.
      assertThat(scrollTop(member)).isGreaterThan(100);
      assertThat(member.locator("#chat-messages li.chat-message", new Page.LocatorOptions().setHasText(firstShown)))
          .isInViewport();

      // Reading old messages: a new one does not pull the list down, a button says it came.
      member.evaluate("() => { document.getElementById('chat-messages').scrollTop = 0; }");
      ChatFixture.send(f.chair, f.room, "late-1", "A new message while the member reads the start");
      assertThat(member.locator("#chat-jump")).isVisible();
      assertThat(member.locator("#chat-jump")).hasText("1 new message ↓");
      assertThat(scrollTop(member)).isLessThan(10);
      member.click("#chat-jump");
      assertThat(member.locator("#chat-jump")).isHidden();
      member.locator("#chat-messages").scrollIntoViewIfNeeded();
      assertThat(member.locator("#chat-messages li.chat-message").last()).isInViewport();
      assertThat(texts(member)).hasSize(MESSAGES + 1).endsWith("A new message while the member reads the start");
      member.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("chat-history")));

      // Away for longer than one page: the marker says "more than", and the panel opens at it.
      member.navigate(server.origin() + "/#/groups");
      for (int i = 1; i <= 120; i++) {
        ChatFixture.send(f.chair, f.room, "away-" + i, "Said while the member was away, " + i);
      }
      // The groups page marks the group whose chat has news since the member last saw it.
      member.navigate(server.origin() + "/#/groups?q=SG1RG");
      var item = member.locator("li[data-group-id='" + f.groupId + "']");
      assertThat(item.locator(".chat-news")).hasText("New in the chat");
      member.navigate(server.origin() + "/#/groups/" + f.groupId);
      assertThat(member.locator("#chat-missed")).hasText("You missed more than 100 messages");
      assertThat(member.locator("#chat-messages li").first()).hasId("chat-missed");
      member.waitForFunction("() => document.getElementById('chat-messages').clientHeight > 0");
      assertThat(scrollTop(member)).isLessThan(10);

      member.navigate(server.origin() + "/#/groups");
      assertThat(item).isVisible();
      assertThat(item.locator(".chat-news")).hasCount(0);
      member.navigate(server.origin() + "/#/groups/" + f.groupId);
      assertThat(member.locator("#chat-messages")).containsText("Said while the member was away, 120");

      // In a background tab, the title counts what came.
      String title = member.title();
      member.evaluate("() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });"
          + " document.dispatchEvent(new Event('visibilitychange')); }");
      ChatFixture.send(f.chair, f.room, "hidden-1", "First while the tab is hidden");
      ChatFixture.send(f.chair, f.room, "hidden-2", "Second while the tab is hidden");
      assertThat(member).hasTitle("(2) " + title);
      member.evaluate("() => { Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });"
          + " document.dispatchEvent(new Event('visibilitychange')); }");
      assertThat(member).hasTitle(title);
    }
  }

  @Test
  @DisplayName("A member mentions the chair by picking a name after '@'; the chair sees it marked and notified, pins and unpins, mutes and unmutes")
  void mentionsNotifyAndTheChairMutes() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    try (BrowserContext a = chromium.newContext(); BrowserContext b = chromium.newContext()) {
      Page member = openGroup(a, f.memberEmail, f.groupId);
      Page chair = openGroup(b, f.chairEmail, f.groupId);
      say(chair, "Comments on section 3 are welcome until Friday.");
      assertThat(member.locator("#chat-messages")).containsText("Comments on section 3");

      // Reply to the chair, mentioning them through the suggestions.
      member.locator("#chat-messages li.chat-message").first().getByText("Reply").click();
      member.locator("#chat-input").pressSequentially("Thank you @cha");
      assertThat(member.locator("#mention-list li")).hasCount(1);
      assertThat(member.locator("#mention-list li")).hasText(Pattern.compile("^Chair \\d+$"));
      member.press("#chat-input", "Enter");
      assertThat(member.locator("#mention-list")).isHidden();
      assertThat(member.locator("#chat-input")).hasValue(Pattern.compile("^Thank you @Chair \\d+ $"));
      member.locator("#chat-input").pressSequentially("we will send ours on Thursday");
      member.press("#chat-input", "Enter");

      var mention = chair.locator("#chat-messages li.mentions-me");
      assertThat(mention).hasCount(1);
      assertThat(mention).containsText("we will send ours on Thursday");
      assertThat(mention.locator(".chat-quote")).containsText("Comments on section 3 are welcome");
      assertThat(chair.locator("#notification-count")).hasText("1");
      assertThat(member.locator("#chat-messages li.mentions-me")).hasCount(0);

      chair.click("#notifications-link");
      assertThat(chair.locator("#mention-items li")).hasCount(1);
      assertThat(chair.locator("#mention-items li")).containsText("Aïcha Member");
      assertThat(chair.locator("#mention-items li")).containsText("we will send ours on Thursday");
      assertThat(chair.locator("#notification-count")).isHidden();
      chair.locator("#mention-items a").click();
      assertThat(chair.locator("#chat")).isVisible();

      // Both have the chat open: the member sees who is here (the lists are written a second after a change).
      member.click("#chat-people");
      for (int i = 0; i < 20 && !"People here (2)".equals(member.locator("#chat-people").textContent()); i++) {
        member.waitForTimeout(500);
        member.click("#chat-people");
        member.click("#chat-people");
      }
      assertThat(member.locator("#chat-people")).hasText("People here (2)");
      assertThat(member.locator("#chat-people-list li")).hasText(new String[] {
          "Aïcha Member " + f.chairEmail.replaceAll("\\D", ""), "Chair " + f.chairEmail.replaceAll("\\D", "")});
      member.click("#chat-people");
      assertThat(member.locator("#chat-people-list")).isHidden();

      // The chair pins the announcement; the member sees it above the list, also after a reload, until unpinned.
      var announcement = chair.locator("#chat-messages li.chat-message").first();
      announcement.locator("button.chat-pin").click();
      assertThat(member.locator("#chat-pinned")).isVisible();
      assertThat(member.locator("#chat-pinned")).containsText("Comments on section 3 are welcome until Friday.");
      assertThat(member.locator("#chat-pinned")).containsText("Chair");
      assertThat(member.locator("#chat-unpin")).hasCount(0);
      assertThat(member.locator("#chat-messages button.chat-pin")).hasCount(0);
      assertThat(announcement.locator("button.chat-pin")).hasCount(0);
      member.reload();
      assertThat(member.locator("#chat-pinned")).containsText("Comments on section 3 are welcome until Friday.");
      member.locator("#chat").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("chat-pinned")));
      chair.click("#chat-unpin");
      assertThat(member.locator("#chat-pinned")).isHidden();
      assertThat(announcement.locator("button.chat-pin")).hasCount(1);

      // The chair mutes the member from their message, and the member is refused until unmuted.
      chair.onDialog(dialog -> dialog.accept());
      var memberRow = chair.locator("#chat-messages li.chat-message", new Page.LocatorOptions().setHasText("Thursday"));
      memberRow.locator("button.chat-mute").click();
      assertThat(chair.locator("#chat-status")).containsText("is muted in this chat");
      assertThat(chair.locator("#chat-messages li.chat-message", new Page.LocatorOptions().setHasText("Thursday"))
          .locator(".chat-muted-badge")).isVisible();
      say(member, "Can I still write?");
      assertThat(member.locator("#chat-status")).hasText("A moderator has muted you in this chat.");
      assertThat(member.locator("#chat-input")).hasValue("Can I still write?");
      assertThat(chair.locator("#chat-messages")).not().containsText("Can I still write?");
      member.reload();
      assertThat(member.locator("#chat-status")).hasText("A moderator has muted you in this chat.");

      chair.locator("#chat-messages li.chat-message", new Page.LocatorOptions().setHasText("Thursday"))
          .locator("button.chat-mute").click();
      assertThat(chair.locator("#chat-status")).containsText("may write again");
      say(member, "Back again, thank you.");
      assertThat(chair.locator("#chat-messages")).containsText("Back again, thank you.");

      // The member corrects the message in place.
      String seq = member.locator("#chat-messages li.chat-message", new Page.LocatorOptions().setHasText("Back again"))
          .getAttribute("data-seq");
      var own = member.locator("#chat-messages li[data-seq='" + seq + "']");
      own.getByText("Edit").click();
      assertThat(own.locator("textarea.chat-edit-input")).hasValue("Back again, thank you.");
      own.locator("textarea.chat-edit-input").fill("Back again, thank you, Chair.");
      own.locator("textarea.chat-edit-input").press("Enter");
      var edited = chair.locator("#chat-messages li.chat-message", new Page.LocatorOptions().setHasText("Back again"));
      assertThat(edited.locator(".chat-text")).hasText("Back again, thank you, Chair.");
      assertThat(edited.locator(".chat-meta")).containsText("edited");
      assertThat(member.locator("#chat-messages textarea.chat-edit-input")).hasCount(0);
      chair.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("chat-mentions")));

      // The chair keeps the chat for the record.
      var download = chair.waitForDownload(() -> chair.click("#chat-transcript"));
      String csv = Files.readString(download.path());
      assertThat(csv).startsWith("\uFEFF" + ChatTranscript.HEADER).contains("Comments on section 3 are welcome until Friday.")
          .contains("Back again, thank you, Chair.").doesNotContain("Can I still write?");
    }
  }

  /** Waits until the server holds the reader's mark in the room at {@code seq} or beyond. */
  private static void awaitMark(ApiClient reader, String room, long seq) {
    Eventually.until(() -> reader.get("/api/rooms/" + room + "/events?limit=1").bodyAsJsonObject().getLong("read"),
        read -> read != null && read >= seq, "the read mark of " + room + " reaching " + seq);
  }

  @Test
  @DisplayName("What a member read on one device is read on the others: the groups page, the missed marker and the mentions badge agree")
  void readMarksFollowTheAccount() {
    ChatFixture f = new ChatFixture(server, "restricted");
    for (int i = 1; i <= 3; i++) {
      ChatFixture.send(f.chair, f.room, "before-" + i, "Before the break, " + i);
    }
    try (BrowserContext a = chromium.newContext(); BrowserContext b = chromium.newContext()) {
      Page laptop = openGroup(a, f.memberEmail, f.groupId);
      assertThat(laptop.locator("#chat-messages li.chat-message")).hasCount(3);
      awaitMark(f.member, f.room, 3);
      laptop.navigate(server.origin() + "/#/groups?q=SG1RG");

      ChatFixture.send(f.chair, f.room, "after-1", "After the break, 1");
      ChatFixture.send(f.chair, f.room, "after-2", "After the break, 2");
      var mention = f.chair.post("/api/realtime/send", new JsonObject().put("room", f.room).put("clientId", "after-3")
          .put("text", "Aïcha, could you present the ECOWAS contribution?").put("mentions", List.of(f.memberId)));
      assertThat(mention.statusCode()).as(mention.bodyAsString()).isEqualTo(200);
      assertThat(laptop.locator("#notification-count")).hasText("1");

      // The phone never showed this chat, yet knows where its reader stopped.
      Page phone = signIn(b, f.memberEmail, ApiClient.PASSWORD);
      phone.navigate(server.origin() + "/#/groups?q=SG1RG");
      assertThat(phone.locator("li[data-group-id='" + f.groupId + "'] .chat-news")).hasText("New in the chat");
      assertThat(phone.locator("#notification-count")).hasText("1");
      phone.navigate(server.origin() + "/#/groups/" + f.groupId);
      assertThat(phone.locator("#chat-missed")).hasText("You missed 3 messages");
      assertThat(phone.locator("#chat-messages li.chat-message").first()).containsText("Before the break, 1");
      // The phone's own mark comes back to it through its room: the marker stays where the reader stopped.
      awaitMark(f.member, f.room, 6);
      phone.waitForTimeout(500);
      assertThat(phone.locator("#chat-missed")).hasText("You missed 3 messages");

      phone.click("#notifications-link");
      assertThat(phone.locator("#mention-items li")).hasCount(1);
      assertThat(phone.locator("#notification-count")).isHidden();
      awaitMark(f.member, "user:" + f.memberId, 1);

      // The laptop hears of it at once, without being looked at again: no unread mention; reloaded, nothing
      // new on the groups page.
      assertThat(laptop.locator("#notification-count")).isHidden();
      laptop.reload();
      assertThat(laptop.locator("li[data-group-id='" + f.groupId + "']")).isVisible();
      assertThat(laptop.locator("li[data-group-id='" + f.groupId + "'] .chat-news")).hasCount(0);
    }
  }

  @Test
  @DisplayName("Find in this chat: accents ignored, matches marked, and a result older than the rows shown is loaded and shown")
  void findInThisChat() {
    ChatFixture f = new ChatFixture(server, "restricted");
    for (int i = 1; i <= 150; i++) {
      ChatFixture.send(f.chair, f.room, "find-" + i, i == 3 ? "Le réseau de l'UEMOA : document SG1RGQ/42 en ligne" : "Message " + i);
    }
    try (BrowserContext context = chromium.newContext()) {
      Page member = openGroup(context, f.memberEmail, f.groupId);
      assertThat(member.locator("#chat-messages li[data-seq='3']")).hasCount(0);
      member.click("#chat-find-open");
      member.fill("#chat-find-input", "RESEAU rgq/42");
      member.press("#chat-find-input", "Enter");
      assertThat(member.locator("#chat-find-status")).hasText("Messages found: 1.");
      var result = member.locator("#chat-find-results li");
      assertThat(result).hasCount(1);
      assertThat(result.locator("mark")).hasText(new String[] {"réseau", "RGQ/42"});
      member.locator("#chat").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("chat-find")));
      result.locator("button").click();
      var found = member.locator("#chat-messages li[data-seq='3']");
      assertThat(found).isInViewport();
      assertThat(found).containsText("SG1RGQ/42");

      member.fill("#chat-find-input", "x");
      member.press("#chat-find-input", "Enter");
      assertThat(member.locator("#chat-find-status")).hasText("Type at least 2 characters.");
    }
  }
}
