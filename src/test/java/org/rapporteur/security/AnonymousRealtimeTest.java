package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

/** Issue 18, item 13, on the wire: anonymous visitors follow public rooms read-only, and nobody lists them. */
@Timeout(90)
class AnonymousRealtimeTest extends RealtimeTest {
  @Test
  @DisplayName("An anonymous visitor follows a public room live, may not send to it, and is not listed as present")
  void anonymousFollowsPublicRoomReadOnly() {
    ChatFixture fx = new ChatFixture(server, "public");
    RealtimeClient anonymous = connect(server.client());
    assertThat(anonymous.subscribe(fx.room, null).getString("type")).isEqualTo("subscribed");
    RealtimeClient member = connect(fx.member);
    member.subscribe(fx.room, null);

    member.sendMessage(fx.room, "m-1", "Good morning");
    assertThat(anonymous.events(fx.room, 1).get(0).getJsonObject("event").getString("text")).isEqualTo("Good morning");

    JsonObject refused = anonymous.sendMessage(fx.room, "a-1", "Hello from nobody");
    assertThat(refused.getString("type")).isEqualTo("error");
    assertThat(refused.getString("code")).isEqualTo("forbidden");
    assertThat(server.client().get("/api/rooms/" + fx.room + "/events").bodyAsJsonObject().getLong("head"))
        .isEqualTo(1L);

    JsonObject presence = Eventually.until(
        () -> fx.member.get("/api/rooms/" + fx.room + "/presence").bodyAsJsonObject(),
        p -> p.getInteger("count") >= 1, "the member is listed");
    assertThat(presence.getInteger("count")).isEqualTo(1);
    assertThat(presence.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(fx.memberId);
  }

  @Test
  @DisplayName("GET /api/session answers who is signed in, and null for an anonymous visitor instead of a 401")
  void sessionAnswersAnonymousWithoutError() {
    ChatFixture fx = new ChatFixture(server, "public");
    var anonymous = server.client().get("/api/session");
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.bodyAsJsonObject().containsKey("user")).isTrue();
    assertThat(anonymous.bodyAsJsonObject().getValue("user")).isNull();
    var member = fx.member.get("/api/session");
    assertThat(member.statusCode()).isEqualTo(200);
    assertThat(member.bodyAsJsonObject().getJsonObject("user").getString("id")).isEqualTo(fx.memberId);
  }

  @Test
  @DisplayName("An anonymous visitor's subscribe to a restricted room is answered not-found, as for a missing room")
  void anonymousMayNotFollowRestrictedRoom() {
    ChatFixture fx = new ChatFixture(server, "restricted");
    RealtimeClient anonymous = connect(server.client());
    JsonObject answer = anonymous.subscribe(fx.room, 0L);
    assertThat(answer.getString("type")).isEqualTo("error");
    assertThat(answer.getString("code")).isEqualTo("not-found");
    fx.member.post("/api/realtime/send", new JsonObject().put("room", fx.room).put("clientId", "r-1").put("text", "x"));
    assertThat(anonymous.receives(f -> "event".equals(f.getString("type")), 1000)).isFalse();
  }
}
