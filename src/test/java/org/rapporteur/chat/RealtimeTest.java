package org.rapporteur.chat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

/** A realtime test: the real server per test, and WebSocket clients closed after it. */
@ExtendWith(VertxExtension.class)
abstract class RealtimeTest {
  @TempDir
  Path dataDir;
  TestServer server;
  Vertx vertx;
  final List<RealtimeClient> clients = new ArrayList<>();

  /** Settings on top of the test defaults. */
  JsonObject settings() {
    return new JsonObject();
  }

  @BeforeEach
  final void startServer(Vertx vertx) {
    this.vertx = vertx;
    server = TestServer.start(vertx, dataDir, settings());
  }

  @AfterEach
  final void stopClientsAndServer() {
    clients.forEach(RealtimeClient::close);
    server.close();
  }

  RealtimeClient connect(ApiClient as) {
    RealtimeClient client = RealtimeClient.connect(vertx, server.port(), server.origin(), as);
    clients.add(client);
    return client;
  }
}
