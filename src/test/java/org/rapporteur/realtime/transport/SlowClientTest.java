package org.rapporteur.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(120)
class SlowClientTest extends RealtimeTest {
  private static final int MESSAGES = 2500;
  private static final String TEXT = "x".repeat(3900);

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("chat", new JsonObject().put("sendQueueBytes", 16_384)
        .put("rateLimit", new JsonObject().put("enabled", false)));
  }

  @Test
  @DisplayName("A client too slow to keep up is disconnected with 4008 and resumes without losing a message")
  void slowClientIsDisconnectedAndResumesFromStorage() {
    ChatFixture fx = new ChatFixture(server, "public");
    RealtimeClient slow = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member,
        new WebSocketClientOptions().setReceiveBufferSize(4096));
    long head = slow.subscribe(fx.room, null).getLong("head");
    slow.pause();

    RealtimeClient sender = connect(fx.chair);
    for (int i = 0; i < MESSAGES; i++) {
      sender.sendLater(new JsonObject().put("type", "send").put("room", fx.room).put("clientId", "slow-" + i)
          .put("text", TEXT));
    }
    sender.reply("slow-" + (MESSAGES - 1));

    slow.resume();
    JsonObject closed = slow.next(f -> "closed".equals(f.getString("type")));
    assertThat(closed).isNotNull();
    assertThat(slow.closeCode).isEqualTo((short) 4008);
    long seen = slow.lastSeq(fx.room, head);
    assertThat(seen).isLessThan(head + MESSAGES);

    RealtimeClient again = connect(fx.member);
    again.subscribe(fx.room, seen);
    List<JsonObject> missed = again.events(fx.room, (int) (head + MESSAGES - seen));
    assertThat(missed.get(0).getLong("seq")).isEqualTo(seen + 1);
    assertThat(missed.get(missed.size() - 1).getLong("seq")).isEqualTo(head + MESSAGES);
    slow.close();
  }
}
