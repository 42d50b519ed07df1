package org.rapporteur.support;

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

/** A realtime test: the real server per test, and WebSocket clients closed after it. */
@ExtendWith(VertxExtension.class)
public abstract class RealtimeTest {
  @TempDir
  protected Path dataDir;
  protected TestServer server;
  protected Vertx vertx;
  protected final List<RealtimeClient> clients = new ArrayList<>();

  /** Settings on top of the test defaults. */
  protected JsonObject settings() {
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

  protected RealtimeClient connect(ApiClient as) {
    RealtimeClient client = RealtimeClient.connect(vertx, server.port(), server.origin(), as);
    clients.add(client);
    return client;
  }
}
