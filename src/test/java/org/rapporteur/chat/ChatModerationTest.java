package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(90)
class ChatModerationTest extends RealtimeTest {
  private static JsonObject frame(String type, String room, String clientId) {
    return new JsonObject().put("type", type).put("room", room).put("clientId", clientId);
  }

  @Test
  @DisplayName("A chair deletes anyone's message; a member deletes and edits only their own; the texts taken out are kept in the audit log")
  void deleteAndEditRights() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient member = connect(f.member);
    RealtimeClient chair = connect(f.chair);
    long memberMsg = member.sendMessage(f.room, "m-1", "a rude remark").getLong("seq");
    long chairMsg = chair.sendMessage(f.room, "c-1", "the chair speaks").getLong("seq");

    member.send(frame("delete", f.room, "md-1").put("target", chairMsg));
    assertThat(member.reply("md-1").getString("code")).isEqualTo("forbidden");
    member.send(frame("edit", f.room, "me-1").put("target", chairMsg).put("text", "hijacked"));
    assertThat(member.reply("me-1").getString("code")).isEqualTo("forbidden");

    chair.send(frame("delete", f.room, "cd-1").put("target", memberMsg));
    assertThat(chair.reply("cd-1").getString("type")).isEqualTo("ack");
    member.send(frame("edit", f.room, "me-2").put("target", memberMsg).put("text", "after deletion"));
    assertThat(member.reply("me-2").getString("code")).isEqualTo("unprocessable");

    JsonArray items = f.member.get("/api/rooms/" + f.room + "/events").bodyAsJsonObject().getJsonArray("items");
    JsonObject deleted = items.getJsonObject(0).getJsonObject("event");
    assertThat(deleted.getBoolean("deleted")).isTrue();
    assertThat(deleted.containsKey("text")).isFalse();
    // The member rewords a message of their own: readers see the new text, the record keeps both.
    long reworded = member.sendMessage(f.room, "m-2", "first wording").getLong("seq");
    member.send(frame("edit", f.room, "me-3").put("target", reworded).put("text", "second wording"));
    assertThat(member.reply("me-3").getString("type")).isEqualTo("ack");

    JsonObject audit = f.admin.get("/api/audit?subjectId=" + f.room).bodyAsJsonObject();
    assertThat(audit.encode()).contains("chat.delete", "a rude remark", "chat.edit", "first wording");
    assertThat(f.member.get("/api/rooms/" + f.room + "/events").bodyAsJsonObject().encode())
        .doesNotContain("a rude remark", "first wording").contains("second wording");
  }

  @Test
  @DisplayName("A muted participant gets a muted error until unmuted; only moderators mute and list the mutes")
  void muteAndUnmute() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient member = connect(f.member);
    String mutePath = "/api/rooms/" + f.room + "/mutes/" + f.memberId;
    assertThat(f.outsider.put(mutePath, new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(f.member.put("/api/rooms/" + f.room + "/mutes/" + f.chairId, new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(f.chair.put(mutePath, new JsonObject()).statusCode()).isEqualTo(204);
    JsonObject refused = member.sendMessage(f.room, "mm-1", "can you hear me?");
    assertThat(refused.getString("type")).isEqualTo("error");
    assertThat(refused.getString("code")).isEqualTo("muted");

    String listPath = "/api/rooms/" + f.room + "/mutes";
    JsonArray muted = f.chair.get(listPath).bodyAsJsonObject().getJsonArray("items");
    assertThat(muted).hasSize(1);
    assertThat(muted.getJsonObject(0).getString("userId")).isEqualTo(f.memberId);
    assertThat(muted.getJsonObject(0).getString("by")).isEqualTo(f.chairId);
    assertThat(muted.getJsonObject(0).getString("at")).isNotBlank();
    assertThat(f.member.get(listPath).statusCode()).isEqualTo(403);
    assertThat(f.outsider.get(listPath).statusCode()).isEqualTo(403);
    assertThat(server.client().get(listPath).statusCode()).isEqualTo(401);
    String historyPath = "/api/rooms/" + f.room + "/events";
    assertThat(f.member.get(historyPath).bodyAsJsonObject().getBoolean("muted")).isTrue();
    assertThat(f.chair.get(historyPath).bodyAsJsonObject().getBoolean("muted")).isFalse();

    assertThat(f.chair.delete(mutePath).statusCode()).isEqualTo(204);
    assertThat(f.chair.get(listPath).bodyAsJsonObject().getJsonArray("items")).isEmpty();
    assertThat(f.member.get(historyPath).bodyAsJsonObject().getBoolean("muted")).isFalse();
    assertThat(member.sendMessage(f.room, "mm-2", "thank you").getString("type")).isEqualTo("ack");
  }

  @Test
  @DisplayName("Past the per-user burst a sender is rate-limited; others are unaffected")
  void rateLimit() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient member = connect(f.member);
    RealtimeClient chair = connect(f.chair);
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      JsonObject reply = member.sendMessage(f.room, "flood-" + i, "flood " + i);
      outcomes.add(reply.getString("type").equals("ack") ? "ack" : reply.getString("code"));
    }
    assertThat(outcomes.subList(0, 10)).containsOnly("ack");
    assertThat(outcomes.subList(10, 12)).containsOnly("rate-limited");
    assertThat(chair.sendMessage(f.room, "calm-1", "I can still speak").getString("type")).isEqualTo("ack");
  }

  @Test
  @DisplayName("An @mention notifies the mentioned member's user room; replies name their message")
  void mentionsAndReplies() {
    ChatFixture f = new ChatFixture(server, "restricted");
    RealtimeClient member = connect(f.member);
    member.subscribe("user:" + f.memberId, null);
    RealtimeClient chair = connect(f.chair);
    long question = member.sendMessage(f.room, "q-1", "Who drafts the liaison?").getLong("seq");
    chair.send(frame("send", f.room, "a-1").put("text", "@Aïcha could you?").put("replyTo", question)
        .put("mentions", new JsonArray().add(f.memberId)));
    assertThat(chair.reply("a-1").getString("type")).isEqualTo("ack");
    JsonObject note = member.events("user:" + f.memberId, 1).get(0).getJsonObject("event");
    assertThat(note.getString("kind")).isEqualTo("mention");
    assertThat(note.getJsonObject("about").getString("room")).isEqualTo(f.room);
    assertThat(note.getString("text")).contains("could you?");

    chair.send(frame("send", f.room, "a-2").put("text", "to nothing").put("replyTo", 999));
    assertThat(chair.reply("a-2").getString("code")).isEqualTo("not-found");
    JsonArray items = f.member.get("/api/rooms/" + f.room + "/events").bodyAsJsonObject().getJsonArray("items");
    assertThat(items.getJsonObject(1).getJsonObject("event").getLong("replyTo")).isEqualTo(question);
  }

  @Test
  @DisplayName("History pages backwards from the newest event")
  void historyPaging() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient member = connect(f.member);
    for (int i = 1; i <= 7; i++) {
      member.sendMessage(f.room, "p-" + i, "message " + i);
      if (i == 5) {
        try {
          Thread.sleep(1100); // stays within the default burst of 10 per user
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    }
    JsonObject newest = f.outsider.get("/api/rooms/" + f.room + "/events?limit=3").bodyAsJsonObject();
    assertThat(newest.getLong("head")).isEqualTo(7L);
    assertThat(seqs(newest)).containsExactly(5L, 6L, 7L);
    JsonObject older = f.outsider.get("/api/rooms/" + f.room + "/events?limit=3&before=5").bodyAsJsonObject();
    assertThat(seqs(older)).containsExactly(2L, 3L, 4L);
    assertThat(f.outsider.get("/api/rooms/" + f.room + "/events?limit=1000").statusCode()).isEqualTo(400);
  }

  private static List<Long> seqs(JsonObject page) {
    return page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("seq")).toList();
  }
}
