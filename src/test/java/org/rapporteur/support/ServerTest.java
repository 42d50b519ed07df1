package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh server on its own data folder for each test. A subclass seeds what it needs in its own
 * {@code @BeforeEach}, which JUnit runs after this one, and finds the server stopped after its own
 * {@code @AfterEach}.
 */
@ExtendWith(VertxExtension.class)
public abstract class ServerTest {
  @TempDir
  protected Path dataDir;
  protected TestServer server;

  @BeforeEach
  void startTestServer(Vertx vertx) {
    server = TestServer.start(vertx, dataDir);
  }

  @AfterEach
  void stopTestServer() {
    server.close();
  }
}
