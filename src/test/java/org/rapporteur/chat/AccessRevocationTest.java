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
    assertThat(lost.getString("code")).isEqualTo("forbidden");
    assertThat(lost.getString("room")).isEqualTo(fx.room);
    assertThat(chair.sendMessage(fx.room, "rv-2", "after the removal").getString("type")).isEqualTo("ack");
    assertThat(member.receives(f -> "event".equals(f.getString("type")), 1_000)).as("events after the removal").isFalse();
    assertThat(member.sendMessage(fx.room, "rv-3", "let me back").getString("code")).isEqualTo("forbidden");
    assertThat(member.subscribe(fx.room, null).getString("code")).isEqualTo("forbidden");
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
}
