package org.rapporteur.operate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChildServer;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.TestServer;

@Timeout(180)
@ExtendWith(VertxExtension.class)
class GracefulRestartTest {
  @TempDir
  Path dataDir;
  private static final JsonObject SETTINGS = new JsonObject()
      .put("shutdown", new JsonObject().put("unreadySeconds", 2).put("graceSeconds", 10));

  @Test
  @DisplayName("On SIGTERM readiness fails first, WebSockets close with 1012, the process exits, and clients resume with nothing lost")
  void sigtermDrainsAndClientsResume(Vertx vertx) throws Exception {
    String room;
    long lastSeq;
    try (ChildServer first = ChildServer.start(dataDir, Map.of(), SETTINGS)) {
      ApiClient admin = ApiClient.forPort(vertx, first.port());
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      room = "group:" + admin.post("/api/groups", new JsonObject().put("code", "SG1RG-TERM").put("sector", "ITU-D")
          .put("kind", "rapporteur-group").put("title", "Restart group").put("visibility", "public"))
          .bodyAsJsonObject().getString("id");
      RealtimeClient ws = RealtimeClient.connect(vertx, first.port(), origin(first), admin);
      ws.subscribe(room, 0L);
      for (int i = 1; i <= 3; i++) {
        assertThat(ws.sendMessage(room, "before-" + i, "before restart " + i).getString("type")).isEqualTo("ack");
      }
      lastSeq = ws.events(room, 3).get(2).getLong("seq");
      assertThat(awaitReady(admin).statusCode()).as("ready once an extractor child answered").isEqualTo(200);

      first.signalTerm();
      HttpResponse<Buffer> unready = Eventually.until(() -> admin.get("/health/ready"), r -> r.statusCode() == 503,
          "readiness failing after SIGTERM");
      assertThat(unready.bodyAsJsonObject().getJsonArray("failed").getList()).containsExactly("shutdown");
      assertThat(admin.get("/health").statusCode()).as("still alive while draining").isEqualTo(200);

      ws.next(frame -> "closed".equals(frame.getString("type")));
      assertThat(ws.closeCode).isEqualTo((short) 1012);
      assertThat(ws.closeReason).isEqualTo("service restart");
      assertThat(first.waitForExit(30)).as("exited within the grace period").isNotEqualTo(-1);
      ws.close();
    }

    try (ChildServer second = ChildServer.start(dataDir, Map.of(), SETTINGS)) {
      ApiClient admin = ApiClient.forPort(vertx, second.port());
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      RealtimeClient resumed = RealtimeClient.connect(vertx, second.port(), origin(second), admin);
      assertThat(resumed.subscribe(room, lastSeq).getString("type")).isEqualTo("subscribed");
      assertThat(resumed.sendMessage(room, "after-1", "after restart").getString("type")).isEqualTo("ack");
      JsonObject next = resumed.events(room, 1).get(0);
      assertThat(next.getLong("seq")).isEqualTo(lastSeq + 1);

      RealtimeClient fresh = RealtimeClient.connect(vertx, second.port(), origin(second), admin);
      fresh.subscribe(room, 0L);
      List<JsonObject> all = fresh.events(room, 4);
      assertThat(all).extracting(e -> e.getJsonObject("event").getString("clientId"))
          .containsExactly("before-1", "before-2", "before-3", "after-1");
      resumed.close();
      fresh.close();
    }
  }

  private static String origin(ChildServer server) {
    return "http://127.0.0.1:" + server.port();
  }

  /** The extractor child starts at start and may take a while on a loaded machine. */
  private static HttpResponse<Buffer> awaitReady(ApiClient admin) throws InterruptedException {
    HttpResponse<Buffer> last = admin.get("/health/ready");
    long deadline = System.nanoTime() + 90_000_000_000L;
    for (int i = 0; i < 400 && last.statusCode() != 200 && System.nanoTime() < deadline; i++) {
      Thread.sleep(200);
      last = admin.get("/health/ready");
    }
    return last;
  }
}
