package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

/** Issue 18, item 9: a WebSocket message over the limit is answered, never dropped in silence. */
@Timeout(90)
class OversizeWebSocketMessageTest extends RealtimeTest {
  /** Over the 262,144 characters the server accepted before, as in the report. */
  private static final String HUGE = "x".repeat(300_000);

  @Test
  @DisplayName("An oversize message sent in many frames without compression is answered with error oversize, and the connection stays usable")
  void oversizeFragmentedMessageIsAnswered() {
    ChatFixture fx = new ChatFixture(server, "restricted");
    RealtimeClient client = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member,
        new WebSocketClientOptions().setMaxFrameSize(16_384));
    clients.add(client);
    assertAnsweredAndStillServing(client, fx);
  }

  @Test
  @DisplayName("An oversize message that arrives small under permessage-deflate is answered with error oversize")
  void oversizeDeflatedMessageIsAnswered() {
    ChatFixture fx = new ChatFixture(server, "restricted");
    RealtimeClient client = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member,
        new WebSocketClientOptions().setTryUsePerMessageCompression(true).setMaxFrameSize(1_000_000)
            .setMaxMessageSize(1_000_000));
    clients.add(client);
    assertAnsweredAndStillServing(client, fx);
  }

  @Test
  @DisplayName("One uncompressed frame over the frame limit closes the connection with 1009 (message too big)")
  void oversizeSingleFrameClosesWith1009() {
    ChatFixture fx = new ChatFixture(server, "restricted");
    RealtimeClient client = RealtimeClient.connect(vertx, server.port(), server.origin(), fx.member,
        new WebSocketClientOptions().setMaxFrameSize(1_000_000).setMaxMessageSize(1_000_000));
    clients.add(client);
    client.sendRaw(message(HUGE));
    client.next(f -> "closed".equals(f.getString("type")));
    assertThat(client.closeCode).isEqualTo((short) 1009);
  }

  private static void assertAnsweredAndStillServing(RealtimeClient client, ChatFixture fx) {
    client.sendRaw(message(HUGE));
    JsonObject error = client.next(f -> "error".equals(f.getString("type")) || "closed".equals(f.getString("type")));
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getString("code")).isEqualTo("oversize");
    assertThat(client.sendMessage(fx.room, "after-oversize", "still here").getString("type")).isEqualTo("ack");
  }

  private static String message(String text) {
    return new JsonObject().put("type", "send").put("room", "group:x").put("clientId", "huge").put("text", text)
        .encode();
  }
}
