package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server for all the tests of a class, on its own data folder, for classes whose tests read a
 * shared seeded state. A subclass changes settings through {@link #settings()} and seeds in its own
 * {@code @BeforeAll}, which JUnit runs after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedServerTest {
  @TempDir
  protected static Path dataDir;
  protected Vertx vertx;
  protected TestServer server;

  /** Settings over the test defaults, e.g. a smaller limit; none by default. */
  protected JsonObject settings() {
    return new JsonObject();
  }

  @BeforeAll
  void startSharedServer() {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx, dataDir, settings());
  }

  @AfterAll
  void stopSharedServer() {
    server.close();
    vertx.close().await();
  }
}
