package org.rapporteur.initiative;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.TestServer;

/** A fresh server on its own data folder for each test, with the initiative fixture's people and groups. */
@ExtendWith(VertxExtension.class)
abstract class InitiativeServerTest {
  @TempDir
  Path dataDir;
  TestServer server;
  InitiativeFixture fx;

  @BeforeEach
  void startServer(Vertx vertx) {
    server = TestServer.start(vertx, dataDir);
    fx = new InitiativeFixture(server);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
