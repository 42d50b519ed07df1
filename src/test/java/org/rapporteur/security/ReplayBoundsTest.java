package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.transport.RealtimeGateway;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

/** Issue 18, item 8: replays of a room's history cannot flood the server, its memory or its database. */
@Timeout(180)
class ReplayBoundsTest extends RealtimeTest {
  private static final int CAP = 2;

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("chat", new JsonObject().put("maxConcurrentReplays", CAP)
        .put("rateLimit", new JsonObject().put("enabled", false)));
  }

  @Test
  @DisplayName("Re-subscribing again and again stops the earlier replays: one full replay per connection plus a page per stop, and /health stays UP")
  void resubscribeStormCancelsEarlierReplays() throws Exception {
    int events = 3000;
    int connections = 6;
    int resubscribes = 20;
    ChatFixture fx = new ChatFixture(server, "restricted");
    seed(fx.room, events, 200);
    List<RealtimeClient> storm = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      storm.add(connect(fx.member));
    }
    List<Integer> healthStatuses = new CopyOnWriteArrayList<>();
    AtomicBoolean storming = new AtomicBoolean(true);
    Thread health = watchHealth(storming, healthStatuses);

    JsonObject subscribe = new JsonObject().put("type", "subscribe").put("room", fx.room).put("since", 0)
        .put("batch", true);
    storm.forEach(client -> client.sendLater(subscribe));
    // Each re-subscribe goes out once the replay before it has begun to arrive, so that it has a replay to stop.
    int[] seen = new int[connections];
    for (int round = 1; round < resubscribes; round++) {
      for (int i = 0; i < connections; i++) {
        storm.get(i).next(f -> "event".equals(f.getString("type")));
        seen[i]++;
        storm.get(i).sendLater(subscribe);
      }
    }
    List<Integer> received = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      received.add(seen[i] + eventsUntilQuiet(storm.get(i), events));
    }
    storming.set(false);
    health.join(10_000);

    // Without cancelling, every one of the 20 replays would be sent whole (60,000 events); a stopped one
    // has sent what was on its way, about a page.
    assertThat(received).allSatisfy(count -> assertThat(count).isBetween(events, events + resubscribes * 1000));
    assertThat(healthStatuses).isNotEmpty().containsOnly(200);
    assertThat(server.app().gateway().load().replaysPeak()).isLessThanOrEqualTo(CAP);
  }

  @Test
  @DisplayName("Replays beyond maxConcurrentReplays wait their turn, and each still arrives whole and in order")
  void concurrentReplaysAreCapped() {
    int events = 2000;
    ChatFixture fx = new ChatFixture(server, "restricted");
    seed(fx.room, events, 300);
    List<RealtimeClient> readers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      readers.add(connect(fx.member));
    }
    for (RealtimeClient reader : readers) {
      reader.sendLater(new JsonObject().put("type", "subscribe").put("room", fx.room).put("since", 0));
    }
    for (RealtimeClient reader : readers) {
      List<JsonObject> got = reader.events(fx.room, events);
      for (int i = 0; i < events; i++) {
        assertThat(got.get(i).getLong("seq")).isEqualTo(i + 1L);
      }
    }
    RealtimeGateway.Load load = server.app().gateway().load();
    assertThat(load.replaysPeak()).isEqualTo(CAP);
    assertThat(load.replaysRunning()).isZero();
    assertThat(load.replaysWaiting()).isZero();
  }

  @Test
  @DisplayName("A client that does not read is sent a page at a time: the server never queues the room for it")
  void slowReaderDoesNotMakeTheServerBufferTheRoom() throws Exception {
    // More than the kernel's buffers take (a few MB on loopback), so that the server has to hold some back.
    int events = 4000;
    ChatFixture fx = new ChatFixture(server, "restricted");
    seed(fx.room, events, 1500);
    RealtimeClient stalled = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member,
        new WebSocketClientOptions().setReceiveBufferSize(4096));
    clients.add(stalled);
    stalled.pause();
    stalled.sendLater(new JsonObject().put("type", "subscribe").put("room", fx.room).put("since", 0));

    Eventually.until(() -> server.app().gateway().load().queuedBytes(), queued -> queued > 0,
        "the server holds back what the stalled client's socket cannot take");
    long most = 0;
    for (int i = 0; i < 20; i++) {
      Thread.sleep(100);
      most = Math.max(most, server.app().gateway().load().queuedBytes());
    }
    // About 6 MB of history; what waits in the server is one batch above the 64 KiB mark at most.
    assertThat(most).isLessThan(160_000);

    stalled.resume();
    List<JsonObject> got = stalled.events(fx.room, events);
    assertThat(got.get(0).getLong("seq")).isEqualTo(1);
    assertThat(got.get(events - 1).getLong("seq")).isEqualTo(events);
    assertThat(stalled.closeCode).isNull();
  }

  /**
   * Counts the events a client receives until its stream has been quiet for a while; by then the
   * replay of its last subscribe has ended at the room's head.
   */
  private static int eventsUntilQuiet(RealtimeClient client, int head) {
    int events = 0;
    long last = -1;
    for (JsonObject frame : client.framesUntilQuiet(3000, 120_000)) {
      if ("event".equals(frame.getString("type"))) {
        events++;
        last = frame.getLong("seq");
      }
    }
    assertThat(last).as("the last replay reaches the head").isEqualTo(head);
    return events;
  }

  private Thread watchHealth(AtomicBoolean storming, List<Integer> statuses) {
    ApiClient anonymous = server.client();
    Thread thread = new Thread(() -> {
      for (int i = 0; i < 600 && storming.get(); i++) {
        try {
          statuses.add(anonymous.get("/health").statusCode());
        } catch (RuntimeException e) {
          statuses.add(-1);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "health-watch");
    thread.start();
    return thread;
  }

  private void seed(String room, int count, int textLength) {
    RoomName name = RoomName.parse(room, "room");
    String text = "r".repeat(textLength);
    List<Future<?>> appended = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      appended.add(server.app().rooms().log().append(name, new RoomEvent.Draft("message", "seed-" + i, null, null,
          new JsonObject().put("text", text))));
    }
    Future.all(appended).await();
  }
}
