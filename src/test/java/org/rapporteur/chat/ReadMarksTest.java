package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class ReadMarksTest extends RealtimeTest {

  private static long mark(ApiClient client, String room, long seq) {
    var response = client.put("/api/rooms/" + room + "/read", new JsonObject().put("seq", seq));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getLong("seq");
  }

  private static Long historyRead(ApiClient client, String room) {
    var response = client.get("/api/rooms/" + room + "/events?limit=5");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getLong("read");
  }

  private static JsonObject headOf(ApiClient client, String room) {
    var response = client.get("/api/rooms/heads?rooms=" + room);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
  }

  @Test
  @DisplayName("A read mark set on one device is what every device of the account sees, and it never moves back")
  void aMarkIsPerAccountAndOnlyMovesForward() {
    ChatFixture group = new ChatFixture(server, "public");
    for (int i = 1; i <= 4; i++) {
      ChatFixture.send(group.chair, group.room, "m-" + i, "Hello m-" + i);
    }
    ApiClient phone = server.client();
    phone.signIn(group.memberEmail, ApiClient.PASSWORD);

    assertThat(historyRead(group.member, group.room)).as("never read").isNull();
    assertThat(mark(group.member, group.room, 3)).isEqualTo(3);
    assertThat(historyRead(phone, group.room)).as("the other device").isEqualTo(3);
    assertThat(headOf(phone, group.room).getLong("read")).isEqualTo(3);
    assertThat(headOf(phone, group.room).getLong("head")).isEqualTo(4);

    assertThat(mark(phone, group.room, 2)).as("an older mark, from a late tab").isEqualTo(3);
    assertThat(mark(phone, group.room, 4)).isEqualTo(4);
    assertThat(historyRead(group.member, group.room)).isEqualTo(4);

    assertThat(historyRead(group.chair, group.room)).as("marks are per reader").isNull();
    assertThat(server.client().get("/api/rooms/" + group.room + "/events?limit=5").bodyAsJsonObject()
        .getValue("read")).as("anonymous").isNull();
  }

  @Test
  @DisplayName("A mark moved on one device reaches the account's other open tabs at once, through their own room, and nobody else's")
  void aMovedMarkReachesTheOtherTabsLive() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    ChatFixture.send(f.chair, f.room, "live-1", "one");
    long last = ChatFixture.send(f.chair, f.room, "live-2", "two");
    RealtimeClient phone = connect(f.member);
    phone.subscribe("user:" + f.memberId, null);
    RealtimeClient chairTab = connect(f.chair);
    chairTab.subscribe("user:" + f.chairId, null);

    mark(f.member, f.room, last);
    JsonObject heard = phone.next("read");
    assertThat(heard.getString("room")).isEqualTo("user:" + f.memberId);
    assertThat(heard.getString("target")).isEqualTo(f.room);
    assertThat(heard.getLong("seq")).isEqualTo(last);

    // The chair's tab hears only the chair's own mark, not the member's.
    mark(f.chair, f.room, 1);
    JsonObject chairs = chairTab.next("read");
    assertThat(chairs.getString("target")).isEqualTo(f.room);
    assertThat(chairs.getLong("seq")).isEqualTo(1);
    // Live only: the user room's log did not grow.
    assertThat(headOf(f.member, "user:" + f.memberId).getLong("head")).isZero();
  }

  @Test
  @DisplayName("Bad read marks are refused naming seq or room, and leave the stored mark as it was")
  void badMarksAreRefused() {
    ChatFixture group = new ChatFixture(server, "restricted");
    ChatFixture.send(group.chair, group.room, "only", "Hello only");
    mark(group.member, group.room, 1);

    String path = "/api/rooms/" + group.room + "/read";
    Problems.assertFieldProblem(group.member.put(path, new JsonObject().put("seq", 2)), 400, "seq");
    Problems.assertFieldProblem(group.member.put(path, new JsonObject().put("seq", -1)), 400, "seq");
    Problems.assertFieldProblem(group.member.put(path, new JsonObject().put("seq", "1")), 400, "seq");
    Problems.assertFieldProblem(group.member.put(path, new JsonObject()), 400, "seq");
    Problems.assertFieldProblem(group.member.put(path, new JsonObject().put("seq", 1).put("at", 1)), 400, "at");
    Problems.assertFieldProblem(group.member.put("/api/rooms/group:nothex/read", new JsonObject().put("seq", 1)),
        400, "room");
    assertThat(server.client().put(path, new JsonObject().put("seq", 1)).statusCode()).as("anonymous").isEqualTo(401);
    assertThat(group.outsider.put(path, new JsonObject().put("seq", 1)).statusCode())
        .as("a restricted group's room, for an outsider").isEqualTo(404);
    assertThat(group.member.put("/api/rooms/user:" + group.chairId + "/read", new JsonObject().put("seq", 0))
        .statusCode()).as("someone else's room").isIn(403, 404);

    assertThat(historyRead(group.member, group.room)).isEqualTo(1);
  }
}
