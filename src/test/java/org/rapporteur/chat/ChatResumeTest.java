package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomEventStore;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(90)
class ChatResumeTest extends RealtimeTest {
  private static String kind(JsonObject frame) {
    return frame.getJsonObject("event").getString("kind");
  }

  @Test
  @DisplayName("A reconnecting client gets every message, edit and deletion it missed, in order, once, then live ones")
  void resumeAcrossAGapWithEditsAndDeletions() {
    ChatFixture f = new ChatFixture(server, "restricted");
    RealtimeClient reader = connect(f.member);
    reader.subscribe(f.room, null);
    RealtimeClient writer = connect(f.chair);
    writer.sendMessage(f.room, "a-1", "first");
    long seen = reader.events(f.room, 1).get(0).getLong("seq");
    reader.close();

    for (int i = 2; i <= 5; i++) {
      writer.sendMessage(f.room, "a-" + i, "message " + i);
    }
    writer.send(new JsonObject().put("type", "edit").put("room", f.room).put("clientId", "e-1").put("target", 2)
        .put("text", "message 2, corrected"));
    assertThat(writer.reply("e-1").getString("type")).isEqualTo("ack");
    writer.send(new JsonObject().put("type", "delete").put("room", f.room).put("clientId", "d-1").put("target", 3));
    assertThat(writer.reply("d-1").getLong("seq")).isEqualTo(7L);

    RealtimeClient back = connect(f.member);
    JsonObject subscribed = back.subscribe(f.room, seen);
    assertThat(subscribed.getLong("head")).isEqualTo(7L);
    List<JsonObject> missed = back.events(f.room, 6);
    assertThat(missed.stream().map(e -> e.getLong("seq")).toList()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(missed.stream().map(ChatResumeTest::kind).toList())
        .containsExactly("message", "message", "message", "message", "edit", "delete");
    assertThat(missed.get(4).getJsonObject("event").getLong("target")).isEqualTo(2L);
    assertThat(missed.get(5).getJsonObject("event").getLong("target")).isEqualTo(3L);
    // The deleted message's text is gone from storage, and so is served to nobody.
    assertThat(missed.get(1).getJsonObject("event").containsKey("text")).isFalse();
    assertThat(missed.get(1).getJsonObject("event").getBoolean("deleted")).isTrue();

    writer.sendMessage(f.room, "a-8", "live again");
    JsonObject live = back.events(f.room, 1).get(0);
    assertThat(live.getLong("seq")).isEqualTo(8L);
    assertThat(back.receives(e -> "event".equals(e.getString("type")), 300)).isFalse();
  }

  @Test
  @DisplayName("After a server restart a repeated clientId gets its original seq, and since resumes from storage")
  void duplicateAndResumeAcrossRestart() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient writer = connect(f.member);
    long first = writer.sendMessage(f.room, "r-1", "before restart 1").getLong("seq");
    long second = writer.sendMessage(f.room, "r-2", "before restart 2").getLong("seq");
    writer.sendMessage(f.room, "r-3", "before restart 3");
    clients.forEach(RealtimeClient::close);
    clients.clear();

    server = server.restart();

    RealtimeClient again = connect(f.member);
    assertThat(again.sendMessage(f.room, "r-2", "before restart 2").getLong("seq")).isEqualTo(second);
    JsonObject subscribed = again.subscribe(f.room, first);
    assertThat(subscribed.getLong("head")).isEqualTo(3L);
    List<JsonObject> replay = again.events(f.room, 2);
    assertThat(replay.stream().map(e -> e.getLong("seq")).toList()).containsExactly(2L, 3L);
    assertThat(again.sendMessage(f.room, "r-4", "after restart").getLong("seq")).isEqualTo(4L);
    assertThat(again.events(f.room, 1).get(0).getJsonObject("event").getString("text")).isEqualTo("after restart");
  }

  @Test
  @DisplayName("A number another server process stored first is detected: the message takes the next one, no gap")
  void numberTakenByAnotherProcessIsSkippedWithoutAGap() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient writer = connect(f.member);
    assertThat(writer.sendMessage(f.room, "p-1", "one").getLong("seq")).isEqualTo(1L);
    // Another server process stores number 2; this process still believes the head is 1.
    RoomEvent other = fromOtherProcess(f, 2, "elsewhere-2", "two, from elsewhere");
    server.app().mongo().insert(RoomEventStore.EVENTS, other.toDocument()).await();

    assertThat(writer.sendMessage(f.room, "p-3", "three").getLong("seq")).isEqualTo(3L);

    RealtimeClient reader = connect(f.chair);
    reader.subscribe(f.room, 0L);
    List<JsonObject> events = reader.events(f.room, 3);
    assertThat(events.stream().map(e -> e.getLong("seq")).toList()).containsExactly(1L, 2L, 3L);
    assertThat(events.stream().map(e -> e.getJsonObject("event").getString("text")).toList())
        .containsExactly("one", "two, from elsewhere", "three");
  }

  @Test
  @DisplayName("A log from an earlier version loses its unused (room, seq) index at the next start; a number still holds one event")
  void retiredSequenceIndexIsDroppedAndNumbersStayUnique() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient writer = connect(f.member);
    assertThat(writer.sendMessage(f.room, "i-1", "kept").getLong("seq")).isEqualTo(1L);
    server.app().mongo().createIndexWithOptions(RoomEventStore.EVENTS, new JsonObject().put("room", 1).put("seq", 1),
        new IndexOptions().unique(true).name("room_seq")).await();
    clients.forEach(RealtimeClient::close);
    clients.clear();

    server = server.restart();

    List<String> names = server.app().mongo().listIndexes(RoomEventStore.EVENTS).await().stream()
        .map(index -> ((JsonObject) index).getString("name")).toList();
    assertThat(names).contains("room_clientId").doesNotContain("room_seq");
    RoomEvent sameNumber = fromOtherProcess(f, 1, "i-other", "same number");
    assertThatThrownBy(() -> server.app().mongo().insert(RoomEventStore.EVENTS, sameNumber.toDocument()).await())
        .hasMessageContaining("duplicate key");

    RealtimeClient reader = connect(f.chair);
    reader.subscribe(f.room, 0L);
    List<JsonObject> events = reader.events(f.room, 1);
    assertThat(events.get(0).getJsonObject("event").getString("text")).isEqualTo("kept");
    assertThat(connect(f.member).sendMessage(f.room, "i-2", "after").getLong("seq")).isEqualTo(2L);
  }

  /** A message as another server process would store it, written to the log directly. */
  private static RoomEvent fromOtherProcess(ChatFixture f, long seq, String clientId, String text) {
    return RoomEvent.of(f.room, seq, ChatEvent.draft(ChatEvent.MESSAGE, clientId, f.memberId, "Other process",
        text, null, null, List.of(), null), Instant.now());
  }
}
