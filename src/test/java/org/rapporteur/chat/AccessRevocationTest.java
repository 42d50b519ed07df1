package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

class AccessRevocationTest extends RealtimeTest {

  @Test
  @DisplayName("A member removed from a restricted group loses its chat room at once, without reconnecting")
  void removedMemberLosesTheRoomAtOnce() {
    ChatFixture fx = new ChatFixture(server, "restricted");
    RealtimeClient member = connect(fx.member);
    assertThat(member.subscribe(fx.room, null).getString("type")).isEqualTo("subscribed");
    assertThat(member.sendMessage(fx.room, "rv-1", "still here").getString("type")).isEqualTo("ack");
    RealtimeClient chair = connect(fx.chair);
    chair.subscribe(fx.room, null);

    assertThat(fx.admin.delete("/api/groups/" + fx.groupId + "/members/" + fx.memberId).statusCode()).isEqualTo(204);

    JsonObject lost = member.next(f -> "error".equals(f.getString("type")));
    assertThat(lost.getString("code")).isEqualTo("not-found");
    assertThat(lost.getString("room")).isEqualTo(fx.room);
    assertThat(chair.sendMessage(fx.room, "rv-2", "after the removal").getString("type")).isEqualTo("ack");
    assertThat(member.receives(f -> "event".equals(f.getString("type")), 1_000)).as("events after the removal").isFalse();
    assertThat(member.sendMessage(fx.room, "rv-3", "let me back").getString("code")).isEqualTo("not-found");
    assertThat(member.subscribe(fx.room, null).getString("code")).isEqualTo("not-found");
  }

  @Test
  @DisplayName("Removing someone else leaves a member's room alone")
  void otherPeoplesRemovalChangesNothing() {
    ChatFixture fx = new ChatFixture(server, "restricted");
    RealtimeClient member = connect(fx.member);
    member.subscribe(fx.room, null);

    assertThat(fx.admin.delete("/api/groups/" + fx.groupId + "/members/" + fx.chairId).statusCode()).isEqualTo(204);

    assertThat(member.receives(f -> "error".equals(f.getString("type")), 1_000)).isFalse();
    assertThat(member.sendMessage(fx.room, "ok-1", "still a member").getString("type")).isEqualTo("ack");
  }

  @Test
  @DisplayName("HTTP and the WebSocket share one view of access: a reader of a public group added to it may write "
      + "at once, and may not the moment they are removed")
  void accessChangesReachHttpAndWebSocketAtOnce() {
    ChatFixture fx = new ChatFixture(server, "public");
    JsonObject message = new JsonObject().put("room", fx.room).put("clientId", "ac-1").put("text", "may I?");
    assertThat(fx.outsider.get("/api/rooms/" + fx.room + "/events").statusCode()).isEqualTo(200);
    assertThat(fx.outsider.post("/api/realtime/send", message).statusCode()).isEqualTo(403);
    RealtimeClient outsider = connect(fx.outsider);
    assertThat(outsider.subscribe(fx.room, null).getString("type")).isEqualTo("subscribed");
    assertThat(outsider.sendMessage(fx.room, "ac-2", "may I?").getString("code")).isEqualTo("forbidden");

    var added = fx.admin.post("/api/groups/" + fx.groupId + "/members", new JsonObject()
        .put("email", "outsider" + fx.number + "public@example.org").put("role", "member"));
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    String outsiderId = added.bodyAsJsonObject().getString("userId");

    assertThat(fx.outsider.post("/api/realtime/send", message).statusCode()).isEqualTo(200);
    assertThat(outsider.sendMessage(fx.room, "ac-3", "thank you").getString("type")).isEqualTo("ack");

    assertThat(fx.admin.delete("/api/groups/" + fx.groupId + "/members/" + outsiderId).statusCode()).isEqualTo(204);
    assertThat(fx.outsider.post("/api/realtime/send", message.copy().put("clientId", "ac-4")).statusCode())
        .isEqualTo(403);
    assertThat(outsider.sendMessage(fx.room, "ac-5", "still here?").getString("code")).isEqualTo("forbidden");
  }

  @Test
  @DisplayName("Someone who registers for a meeting may talk in its room at once, and not after withdrawing")
  void meetingRegistrationChangesWhoTalksAtOnce() {
    ChatFixture fx = new ChatFixture(server, "public");
    var created = fx.chair.post("/api/groups/" + fx.groupId + "/meetings", new JsonObject()
        .put("title", "Open consultation").put("kind", "virtual").put("start", "2026-12-01T09:30")
        .put("end", "2026-12-01T12:00").put("timeZone", "Africa/Dakar").put("remoteInstructions", "Online"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String meeting = "/api/meetings/" + created.bodyAsJsonObject().getString("id");
    String room = "meeting:" + created.bodyAsJsonObject().getString("id");
    RealtimeClient outsider = connect(fx.outsider);
    assertThat(outsider.subscribe(room, null).getString("type")).isEqualTo("subscribed");
    assertThat(outsider.sendMessage(room, "mr-1", "before registering").getString("code")).isEqualTo("forbidden");

    var registered = fx.outsider.put(meeting + "/registration", new JsonObject().put("mode", "remote"));
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(200);
    assertThat(outsider.sendMessage(room, "mr-2", "registered now").getString("type")).isEqualTo("ack");

    assertThat(fx.outsider.delete(meeting + "/registration").statusCode()).isEqualTo(204);
    assertThat(outsider.sendMessage(room, "mr-3", "withdrawn").getString("code")).isEqualTo("forbidden");
  }
}
