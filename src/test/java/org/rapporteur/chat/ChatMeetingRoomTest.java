package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class ChatMeetingRoomTest extends RealtimeTest {
  @Test
  @DisplayName("A meeting room carries speaker-queue changes and chat in one stored sequence, replayed on resume")
  void meetingRoomEventsAreStoredAndReplayed() {
    ChatFixture f = new ChatFixture(server, "restricted");
    var created = f.chair.post("/api/groups/" + f.groupId + "/meetings", new JsonObject()
        .put("title", "Rapporteur group meeting").put("kind", "virtual").put("start", "2026-12-01T09:30")
        .put("end", "2026-12-01T12:00").put("timeZone", "Africa/Dakar")
        .put("remoteInstructions", "Join from the meeting page"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String room = "meeting:" + created.bodyAsJsonObject().getString("id");

    RealtimeClient outsider = connect(f.outsider);
    assertThat(outsider.subscribe(room, null).getString("code")).isEqualTo("not-found");

    RealtimeClient member = connect(f.member);
    assertThat(member.subscribe(room, null).getLong("head")).isZero();
    var asked = f.member.post("/api/meetings/" + created.bodyAsJsonObject().getString("id") + "/queue",
        new JsonObject().put("mode", "remote"));
    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
    JsonObject queued = member.events(room, 1).get(0);
    assertThat(queued.getLong("seq")).isEqualTo(1L);
    assertThat(queued.getJsonObject("event").getString("kind")).isEqualTo("queue");
    assertThat(queued.getJsonObject("event").getJsonArray("queue")).hasSize(1);
    assertThat(member.sendMessage(room, "mm-1", "May I have the floor?").getLong("seq")).isEqualTo(2L);

    RealtimeClient later = connect(f.chair);
    later.subscribe(room, 0L);
    List<JsonObject> replay = later.events(room, 2);
    assertThat(replay.stream().map(e -> e.getJsonObject("event").getString("kind")).toList())
        .containsExactly("queue", "message");
  }
}
