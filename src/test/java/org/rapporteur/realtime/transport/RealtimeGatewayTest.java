package org.rapporteur.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(90)
class RealtimeGatewayTest extends RealtimeTest {
  @Override
  protected JsonObject settings() {
    return new JsonObject()
        .put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false)));
  }

  private int rejectedStatus(String origin, String cookie) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions());
    try {
      assertThatThrownBy(() -> client.connect(RealtimeClient.options(server.port(), origin, cookie)).await())
          .isInstanceOf(UpgradeRejectedException.class);
      try {
        client.connect(RealtimeClient.options(server.port(), origin, cookie)).await();
        return 101;
      } catch (UpgradeRejectedException e) {
        return e.getStatus();
      }
    } finally {
      client.close();
    }
  }

  @Test
  @DisplayName("A foreign Origin gets 403 before the upgrade, signed in or not")
  void handshakeChecksOrigin() {
    ChatFixture f = new ChatFixture(server, "public");
    String cookie = f.member.cookie("rapporteur_session");
    assertThat(rejectedStatus("http://evil.example", cookie)).isEqualTo(403);
    assertThat(rejectedStatus("null", cookie)).isEqualTo(403);
    assertThat(rejectedStatus("http://evil.example", null)).isEqualTo(403);
  }

  @Test
  @DisplayName("The ack arrives only once the message can be read from storage")
  void ackOnlyAfterStore() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient ws = connect(f.member);
    JsonObject ack = ws.sendMessage(f.room, "m-1", "Bonjour à tous");
    assertThat(ack.getString("type")).isEqualTo("ack");
    assertThat(ack.getLong("seq")).isEqualTo(1L);
    JsonObject stored = server.app().mongo()
        .findOne("chat_events", new JsonObject().put("_id", f.room + ":1"), null).await();
    assertThat(stored).isNotNull();
    assertThat(stored.getString("text")).isEqualTo("Bonjour à tous");
    assertThat(stored.getString("clientId")).isEqualTo("m-1");
  }

  @Test
  @DisplayName("A repeated clientId is acknowledged again with the same seq and stored once")
  void duplicateClientId() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient ws = connect(f.member);
    long first = ws.sendMessage(f.room, "dup-1", "once").getLong("seq");
    long again = ws.sendMessage(f.room, "dup-1", "once").getLong("seq");
    long next = ws.sendMessage(f.room, "dup-2", "twice").getLong("seq");
    assertThat(again).isEqualTo(first);
    assertThat(next).isEqualTo(first + 1);
    JsonObject history = f.member.get("/api/rooms/" + f.room + "/events").bodyAsJsonObject();
    assertThat(history.getJsonArray("items")).hasSize(2);
  }

  @Test
  @DisplayName("Concurrent retries of one clientId get one seq, and the room keeps no gap")
  void concurrentRetriesOfOneClientId() {
    ChatFixture f = new ChatFixture(server, "public");
    List<RealtimeClient> tabs = List.of(connect(f.member), connect(f.member), connect(f.member));
    for (int round = 0; round < 5; round++) {
      for (RealtimeClient tab : tabs) {
        tab.send(new JsonObject().put("type", "send").put("room", f.room).put("clientId", "same-" + round)
            .put("text", "sent from three tabs at once"));
      }
      List<Long> seqs = new ArrayList<>();
      for (RealtimeClient tab : tabs) {
        JsonObject ack = tab.reply("same-" + round);
        assertThat(ack.getString("type")).isEqualTo("ack");
        seqs.add(ack.getLong("seq"));
      }
      assertThat(seqs).as("round " + round).containsOnly(seqs.get(0));
    }
    long last = tabs.get(0).sendMessage(f.room, "after", "and one more").getLong("seq");
    RealtimeClient reader = connect(f.chair);
    reader.subscribe(f.room, 0L);
    List<JsonObject> all = reader.events(f.room, (int) last);
    assertThat(all.stream().map(e -> e.getLong("seq")).toList())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    assertThat(all.stream().filter(e -> "message".equals(e.getJsonObject("event").getString("kind"))).count())
        .isEqualTo(6);
  }

  @Test
  @DisplayName("Bad frames get error frames with codes, and the connection keeps working")
  void badFramesGetErrorCodes() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient ws = connect(f.member);
    ws.sendRaw("{not json");
    assertThat(ws.next("error").getString("code")).isEqualTo("malformed");
    ws.send(new JsonObject().put("type", "shout"));
    assertThat(ws.next("error").getString("code")).isEqualTo("unknown-type");
    ws.sendRaw(new JsonObject().put("type", "send").put("room", f.room).put("clientId", "big")
        .put("text", "x".repeat(20_000)).encode());
    assertThat(ws.next("error").getString("code")).isEqualTo("oversize");
    JsonObject tooLong = ws.sendMessage(f.room, "long-1", "y".repeat(4001));
    assertThat(tooLong.getString("code")).isEqualTo("too-long");
    ws.send(new JsonObject().put("type", "send").put("room", "nowhere").put("clientId", "c-1").put("text", "hi"));
    assertThat(ws.next("error").getString("code")).isEqualTo("invalid");
    ws.send(new JsonObject().put("type", "ping"));
    assertThat(ws.next("pong")).isNotNull();
    assertThat(ws.sendMessage(f.room, "ok-1", "still here").getString("type")).isEqualTo("ack");
  }

  @Test
  @DisplayName("Subscribing or sending without access is refused; a user room is only its owner's")
  void authorizationOnSubscribeAndSend() {
    ChatFixture restricted = new ChatFixture(server, "restricted");
    RealtimeClient outsider = connect(restricted.outsider);
    assertThat(outsider.subscribe(restricted.room, null).getString("code")).isEqualTo("not-found");
    assertThat(outsider.sendMessage(restricted.room, "o-1", "let me in").getString("code")).isEqualTo("not-found");
    assertThat(outsider.subscribe("user:" + restricted.memberId, null).getString("code")).isEqualTo("forbidden");
    assertThat(outsider.subscribe("meeting:" + restricted.groupId, null).getString("code")).isEqualTo("not-found");

    ChatFixture open = new ChatFixture(server, "public");
    RealtimeClient reader = connect(open.outsider);
    assertThat(reader.subscribe(open.room, null).getString("type")).isEqualTo("subscribed");
    assertThat(reader.sendMessage(open.room, "r-1", "may I?").getString("code")).isEqualTo("forbidden");

    RealtimeClient member = connect(restricted.member);
    assertThat(member.subscribe("user:" + restricted.memberId, null).getString("type")).isEqualTo("subscribed");
    assertThat(member.subscribe(restricted.room, 0L).getString("type")).isEqualTo("subscribed");
  }

  @Test
  @DisplayName("50 concurrent senders produce one total order that every subscriber sees identically")
  void concurrentSendersOneTotalOrder() {
    ChatFixture f = new ChatFixture(server, "public");
    int senders = 50;
    int perSender = 4;
    int total = senders * perSender;
    List<RealtimeClient> subscribers = List.of(connect(f.member), connect(f.chair), connect(f.outsider));
    for (RealtimeClient s : subscribers) {
      // The last one takes events in batches when they come faster than its loop hands them out.
      assertThat(s.subscribe(f.room, null, s == subscribers.get(2)).getLong("head")).isZero();
    }
    List<RealtimeClient> writers = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      writers.add(connect(i % 2 == 0 ? f.member : f.chair));
    }
    for (int round = 0; round < perSender; round++) {
      for (int i = 0; i < senders; i++) {
        writers.get(i).send(new JsonObject().put("type", "send").put("room", f.room)
            .put("clientId", "w" + i + "-" + round).put("text", "message " + round + " from " + i));
      }
    }
    List<Long> acked = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      for (int round = 0; round < perSender; round++) {
        JsonObject ack = writers.get(i).reply("w" + i + "-" + round);
        assertThat(ack.getString("type")).isEqualTo("ack");
        acked.add(ack.getLong("seq"));
      }
    }
    assertThat(acked).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    List<List<String>> orders = new ArrayList<>();
    for (RealtimeClient s : subscribers) {
      List<JsonObject> events = s.events(f.room, total);
      assertThat(events.stream().map(e -> e.getLong("seq")).toList())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      orders.add(events.stream().map(e -> e.getJsonObject("event").getString("clientId")).toList());
      assertThat(s.receives(e -> "event".equals(e.getString("type")), 200)).isFalse();
    }
    assertThat(orders.get(1)).isEqualTo(orders.get(0));
    assertThat(orders.get(2)).isEqualTo(orders.get(0));
  }

  @Test
  @DisplayName("Repeated clientIds inside one burst get their original seq; the other messages stay gap-free")
  void repeatedClientIdsInsideABurst() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient writer = connect(f.member);
    writer.sendMessage(f.room, "b-0", "before the burst");
    // Sent without waiting, so the server stores them in batches; every fourth repeats an earlier clientId.
    for (int i = 1; i <= 24; i++) {
      String clientId = i % 4 == 0 ? "b-" + (i - 3) : "b-" + i;
      writer.send(new JsonObject().put("type", "send").put("room", f.room).put("clientId", clientId)
          .put("text", "burst " + i));
    }
    Map<String, Long> seqByClientId = new HashMap<>();
    for (int i = 0; i < 24; i++) {
      JsonObject ack = writer.next("ack");
      Long earlier = seqByClientId.putIfAbsent(ack.getString("clientId"), ack.getLong("seq"));
      if (earlier != null) {
        assertThat(ack.getLong("seq")).as("repeat of " + ack.getString("clientId")).isEqualTo(earlier);
      }
    }
    assertThat(seqByClientId).hasSize(18);
    assertThat(seqByClientId.values()).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(2, 19).boxed().toList());

    RealtimeClient reader = connect(f.chair);
    reader.subscribe(f.room, 0L);
    List<JsonObject> events = reader.events(f.room, 19);
    assertThat(events.stream().map(e -> e.getLong("seq")).toList())
        .isEqualTo(LongStream.rangeClosed(1, 19).boxed().toList());
    assertThat(reader.receives(e -> "event".equals(e.getString("type")), 300)).isFalse();
  }

  @Test
  @DisplayName("A burst reaches a subscriber that asked for batches in fewer frames, in order and once; others get single events")
  void burstsGoOutInBatchesToThoseWhoAskForThem() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient batched = connect(f.member);
    RealtimeClient single = connect(f.chair);
    batched.subscribe(f.room, null, true);
    single.subscribe(f.room, null, false);
    int total = 200;
    var events = server.app().rooms().events();
    List<io.vertx.core.Future<Long>> stored = new ArrayList<>();
    for (int i = 1; i <= total; i++) {
      stored.add(events.publish(f.room, new JsonObject().put("kind", "notice").put("n", i)));
    }
    io.vertx.core.Future.all(stored).await();
    List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
    for (RealtimeClient client : List.of(batched, single)) {
      List<JsonObject> received = client.events(f.room, total);
      assertThat(received.stream().map(e -> e.getLong("seq")).toList()).isEqualTo(expected);
      assertThat(received.stream().map(e -> e.getJsonObject("event").getInteger("n")).toList())
          .isEqualTo(LongStream.rangeClosed(1, total).mapToObj(n -> (int) n).toList());
      assertThat(client.receives(e -> "event".equals(e.getString("type")), 200)).isFalse();
    }
    assertThat(batched.batchFrames).isPositive();
    assertThat(single.batchFrames).isZero();
  }

  @Test
  @DisplayName("An event larger than one WebSocket frame arrives whole (sent in fragments, UTF-8 split anywhere)")
  void largeEventArrivesWhole() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient reader = connect(f.member);
    reader.subscribe(f.room, null);
    String arabic = "مقرر ".repeat(16_000); // 80,000 characters, about 144,000 bytes in UTF-8: three fragments
    server.app().rooms().events().publish(f.room, new JsonObject().put("kind", "notice")
        .put("body", arabic)).await();
    JsonObject event = reader.events(f.room, 1).get(0);
    assertThat(event.getLong("seq")).isEqualTo(1L);
    assertThat(event.getJsonObject("event").getString("body")).isEqualTo(arabic);
  }
}
