package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.security.RawHttp.Answer;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestServer;

/**
 * Clients that open connections and then send a request header slowly, or nothing at all, cannot
 * hold the server: their connections are closed after the header or idle timeout, those beyond the
 * cap are closed as they open, and /health keeps answering. WebSockets and Server-Sent Events are
 * not plain keep-alive connections: they outlive the HTTP idle timeout on their own heartbeat.
 */
@ExtendWith(VertxExtension.class)
class SlowClientExhaustionTest {
  private static final String HALF_HEADER = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow";

  @TempDir
  Path dataDir;
  TestServer server;
  final List<Socket> flood = new ArrayList<>();

  private void start(Vertx vertx, int headerTimeoutSeconds, int idleTimeoutSeconds, int maxConnections) {
    server = TestServer.start(vertx, dataDir, new JsonObject().put("http", new JsonObject()
        .put("requestHeaderTimeoutSeconds", headerTimeoutSeconds)
        .put("idleTimeoutSeconds", idleTimeoutSeconds)
        .put("maxConnections", maxConnections)));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : flood) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aClientThatSendsHalfARequestHeaderIsClosedAfterTheHeaderTimeout(Vertx vertx) throws Exception {
    start(vertx, 1, 30, 50);
    try (RawHttp connection = new RawHttp(server.port(), 6_000)) {
      connection.send(HALF_HEADER);
      long started = System.nanoTime();
      assertThat(connection.closedByServer()).isTrue();
      assertThat(millisSince(started)).isBetween(700L, 4_000L);
    }
  }

  @Test
  void aClientThatTricklesItsHeaderIsClosedAfterTheHeaderTimeoutToo(Vertx vertx) throws Exception {
    start(vertx, 1, 30, 50);
    try (RawHttp connection = new RawHttp(server.port(), 6_000)) {
      long started = System.nanoTime();
      Thread trickle = new Thread(() -> {
        try {
          for (char c : HALF_HEADER.toCharArray()) {
            connection.send(String.valueOf(c));
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException closed) {
          // closed by the server, as expected
        }
      });
      trickle.setDaemon(true);
      trickle.start();
      assertThat(connection.closedByServer()).isTrue();
      assertThat(millisSince(started)).isBetween(700L, 4_000L);
      trickle.interrupt();
    }
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeoutAndABusyOneIsNot(Vertx vertx) throws Exception {
    start(vertx, 1, 2, 50);
    try (RawHttp connection = new RawHttp(server.port(), 6_000)) {
      for (int i = 0; i < 4; i++) {
        connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(connection.read(true).status()).as("request %d on one connection", i).isEqualTo(200);
        Thread.sleep(1_000);
      }
      long idleSince = System.nanoTime();
      assertThat(connection.closedByServer()).isTrue();
      assertThat(millisSince(idleSince)).isBetween(500L, 5_000L);
    }
  }

  @Test
  void connectionsOverTheCapAreClosedAtOnceAndHealthAnswersBelowTheCapAndAfterTheFlood(Vertx vertx)
      throws Exception {
    start(vertx, 5, 30, 50);
    for (int i = 0; i < 40; i++) {
      flood.add(halfHeaderClient());
    }
    assertThat(healthMillis()).as("/health while 40 slow clients hold connections").isLessThan(1_000L);
    Thread.sleep(200); // the health check's own connection is released

    for (int i = 0; i < 20; i++) {
      flood.add(halfHeaderClient());
    }
    // Connections are counted on the event loop that serves each one, so which of the last few
    // falls over the cap is a race between loops; how many fall over it is not.
    Thread.sleep(1_000);
    int closedAtOnce = 0;
    for (Socket socket : flood) {
      socket.setSoTimeout(20);
      if (closedWithin(socket)) {
        closedAtOnce++;
      }
    }
    assertThat(closedAtOnce).as("of 60 slow connections against a cap of 50, closed within about 1 s")
        .isEqualTo(10);

    // the slow clients' header timeout (5 s) frees their connections
    long healthy = 0;
    for (int i = 0; i < 50 && healthy == 0; i++) {
      Thread.sleep(200);
      long millis = healthMillis();
      healthy = millis >= 0 && millis < 1_000 ? millis : 0;
    }
    assertThat(healthy).as("/health answered within 1 s after the flood").isPositive();
  }

  @Test
  void aWebSocketAndAnSseStreamOutliveTheHttpIdleTimeout(Vertx vertx) throws Exception {
    start(vertx, 1, 1, 50);
    ApiClient member = server.client();
    member.registerAndSignIn("member@example.sn", "Awa Member");
    String room = "group:" + Contributions.group(server.admin(), "SG1RGQ", "public", "member@example.sn");

    WebSocketClient client = vertx.createWebSocketClient();
    LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
        .setURI("/api/realtime").addHeader("Origin", server.origin())
        .addHeader("Cookie", "rapporteur_session=" + member.cookie("rapporteur_session"))).await();
    ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
    ws.closeHandler(v -> frames.add(new JsonObject().put("type", "closed")));
    ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("room", room).encode()).await();
    assertThat(frames.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("subscribed");

    try (RawHttp sse = new RawHttp(server.port(), 10_000)) {
      sse.send("GET /api/realtime/sse?room=" + room + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Cookie: rapporteur_session=" + member.cookie("rapporteur_session") + "\r\n\r\n");
      Answer stream = sse.read(false);
      assertThat(stream.status()).isEqualTo(200);

      Thread.sleep(3_000); // three HTTP idle timeouts, well inside the realtime heartbeat
      assertThat(frames.poll()).as("nothing, in particular no close, while quiet").isNull();
      ws.writeTextMessage(new JsonObject().put("type", "ping").encode()).await();
      assertThat(frames.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("pong");

      ApiClient sender = server.client();
      sender.signIn("member@example.sn", ApiClient.PASSWORD);
      assertThat(sender.post("/api/realtime/send", new JsonObject().put("room", room).put("clientId", "idle-1")
          .put("text", "still here")).statusCode()).isEqualTo(200);
      assertThat(readUntil(sse.input(), "still here")).as("the SSE stream delivers after the quiet").isTrue();
    } finally {
      client.close().await();
    }
  }

  private Socket halfHeaderClient() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.getOutputStream().write(HALF_HEADER.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Milliseconds for GET /health on a new connection; -1 when it is not answered 200. */
  private long healthMillis() throws IOException {
    long started = System.nanoTime();
    try (RawHttp connection = new RawHttp(server.port(), 2_000)) {
      connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      return connection.read(true).status() == 200 ? Math.max(1, millisSince(started)) : -1;
    }
  }

  private static boolean closedWithin(Socket socket) {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static boolean readUntil(InputStream in, String wanted) throws IOException {
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[8192];
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      int read;
      try {
        read = in.read(buffer);
      } catch (SocketTimeoutException e) {
        return false;
      }
      if (read == -1) {
        return false;
      }
      seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
      if (seen.indexOf(wanted) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
