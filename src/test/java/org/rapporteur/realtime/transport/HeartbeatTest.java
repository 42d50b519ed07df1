package org.rapporteur.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class HeartbeatTest extends RealtimeTest {
  private static final int PING = 0x9;
  private static final int CLOSE = 0x8;
  private static final int CLOSE_IDLE = 1001;

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("chat", new JsonObject().put("pingIntervalSeconds", 2).put("idleTimeoutSeconds", 3));
  }

  @Test
  @DisplayName("Connections are pinged; one that answers stays, one that never answers is closed with 1001")
  void silentPeerIsClosedAndAnsweringPeerStays() throws InterruptedException {
    ChatFixture fx = new ChatFixture(server, "public");
    RealtimeClient answering = connect(fx.member);
    NetClient net = vertx.createNetClient();
    NetSocket silent = net.connect(server.port(), "127.0.0.1").await();
    Buffer received = Buffer.buffer();
    silent.handler(bytes -> {
      synchronized (received) {
        received.appendBuffer(bytes);
      }
    });
    silent.write("GET /api/realtime HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Origin: " + server.origin() + "\r\nCookie: rapporteur_session=" + fx.member.cookie("rapporteur_session")
        + "\r\n\r\n").await();

    ServerFrames frames = new ServerFrames();
    for (int i = 0; i < 200 && frames.closeCode < 0; i++) {
      Thread.sleep(50);
      synchronized (received) {
        frames = ServerFrames.read(received);
      }
    }
    assertThat(frames.pings).as("pings before the close").isPositive();
    assertThat(frames.closeCode).isEqualTo(CLOSE_IDLE);

    Thread.sleep(2_500); // one more ping interval: the answering client's own slot has come round again
    assertThat(answering.closeCode).as("the answering client is still open").isNull();
    assertThat(answering.subscribe(fx.room, null).getLong("head")).isNotNull();
    net.close().await();
  }

  /** The frames a server sent after the handshake response: server frames are never masked. */
  private static final class ServerFrames {
    int pings;
    int closeCode = -1;

    static ServerFrames read(Buffer received) {
      ServerFrames frames = new ServerFrames();
      String text = received.toString(StandardCharsets.ISO_8859_1);
      int at = text.indexOf("\r\n\r\n");
      if (at < 0 || !text.startsWith("HTTP/1.1 101")) {
        return frames;
      }
      for (int pos = at + 4; pos + 2 <= received.length(); ) {
        int opcode = received.getByte(pos) & 0x0F;
        int length = received.getByte(pos + 1) & 0x7F;
        if (pos + 2 + length > received.length()) {
          break;
        }
        if (opcode == PING) {
          frames.pings++;
        } else if (opcode == CLOSE && length >= 2) {
          frames.closeCode = received.getUnsignedShort(pos + 2);
        }
        pos += 2 + length;
      }
      return frames;
    }
  }
}
