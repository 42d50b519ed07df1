package org.rapporteur.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class PresenceTest extends RealtimeTest {

  private static List<String> names(JsonObject presence) {
    return presence.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("name")).toList();
  }

  /** The room's presence once it satisfies {@code wanted} (lists are written a second after a change). */
  private static JsonObject awaitPresence(ApiClient reader, String room, Predicate<JsonObject> wanted) {
    return Eventually.until(() -> {
      var response = reader.get("/api/rooms/" + room + "/presence");
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      return response.bodyAsJsonObject();
    }, wanted, "the presence of " + room + " matching");
  }

  @Test
  @DisplayName("Who has a room open: each person once, however many tabs, by name; they leave with their last tab; a user room is nobody's audience")
  void presenceFollowsConnections() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    RealtimeClient member = connect(f.member);
    member.subscribe(f.room, null);
    RealtimeClient chairLaptop = connect(f.chair);
    chairLaptop.subscribe(f.room, null);
    RealtimeClient chairPhone = connect(f.chair);
    chairPhone.subscribe(f.room, null);
    member.subscribe("user:" + f.memberId, null);

    JsonObject both = awaitPresence(f.member, f.room, p -> p.getInteger("count") == 2);
    assertThat(names(both)).containsExactly("Aïcha Member " + f.chairEmail.replaceAll("\\D", ""), "Chair " + f.chairEmail.replaceAll("\\D", ""));

    chairLaptop.close();
    Thread.sleep(RoomPresence.SETTLE_MILLIS + 500);
    assertThat(awaitPresence(f.member, f.room, p -> true).getInteger("count")).as("the phone is still open").isEqualTo(2);
    chairPhone.close();
    JsonObject alone = awaitPresence(f.member, f.room, p -> p.getInteger("count") == 1);
    assertThat(names(alone)).containsExactly("Aïcha Member " + f.chairEmail.replaceAll("\\D", ""));

    assertThat(awaitPresence(f.member, "user:" + f.memberId, p -> true).getInteger("count")).isZero();
    assertThat(f.outsider.get("/api/rooms/" + f.room + "/presence").statusCode()).isEqualTo(404);
    assertThat(server.client().get("/api/rooms/" + f.room + "/presence").statusCode()).isEqualTo(404);
    Problems.assertFieldProblem(f.member.get("/api/rooms/group:nothex/presence"), 400, "room");
  }
  @Test
  @DisplayName("Two parts of a page subscribe to one room at once, or a tab closes while its subscribe is checked: nobody stays listed after leaving")
  void racingSubscribesLeaveNoOneBehind() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    RealtimeClient agendaAndChat = connect(f.chair);
    JsonObject subscribe = new JsonObject().put("type", "subscribe").put("room", f.room).put("since", 0);
    // The second frame arrives while the first one's access is still being looked up.
    agendaAndChat.sendLater(subscribe);
    agendaAndChat.sendLater(subscribe);
    agendaAndChat.next("subscribed");
    long first = ChatFixture.send(f.member, f.room, "c-race-1", "heard once by the page");
    long second = ChatFixture.send(f.member, f.room, "c-race-2", "and so is this");
    // One subscription, so each event once: a second one left behind would repeat the first event.
    assertThat(agendaAndChat.next("event").getLong("seq")).isEqualTo(first);
    assertThat(agendaAndChat.next("event").getLong("seq")).isEqualTo(second);
    awaitPresence(f.member, f.room, p -> p.getInteger("count") == 1);

    RealtimeClient leaving = connect(f.member);
    leaving.sendLater(subscribe);
    leaving.close();
    agendaAndChat.send(new JsonObject().put("type", "unsubscribe").put("room", f.room));
    agendaAndChat.next("unsubscribed");
    Thread.sleep(RoomPresence.SETTLE_MILLIS + 500);
    assertThat(awaitPresence(f.member, f.room, p -> true).getInteger("count")).as("nobody has the room open").isZero();
  }
}
