package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.rapporteur.App;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.config.ConfigLoader;

/**
 * The real server on a random 127.0.0.1 port against the embedded database in a temporary folder.
 * Password hashing uses few iterations so tests stay quick; everything else is the default config.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@test.example";
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";

  private final Vertx vertx;
  private final AppConfig config;
  private final App app;

  private TestServer(Vertx vertx, AppConfig config, App app) {
    this.vertx = vertx;
    this.config = config;
    this.app = app;
  }

  public static TestServer start(Vertx vertx, Path dataDir) {
    return start(vertx, dataDir, new JsonObject());
  }

  public static TestServer start(Vertx vertx, Path dataDir, JsonObject overrides) {
    return start(vertx, config(dataDir, overrides));
  }

  public static TestServer start(Vertx vertx, AppConfig config) {
    return new TestServer(vertx, config, App.start(vertx, config).await());
  }

  /** With some crossings between features replaced, e.g. by a recording agenda. */
  public static TestServer start(Vertx vertx, AppConfig config, App.Collaborators collaborators) {
    return new TestServer(vertx, config, App.start(vertx, config, collaborators).await());
  }

  public static AppConfig config(Path dataDir, JsonObject overrides) {
    JsonObject testSettings = new JsonObject()
        .put("dataDir", dataDir.toString())
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("admin", new JsonObject().put("email", ADMIN_EMAIL).put("password", ADMIN_PASSWORD))
        .put("accounts", new JsonObject().put("pbkdf2Iterations", 1000))
        // most tests never extract; those that do start the child on their first file
        .put("contributions", new JsonObject().put("extraction", new JsonObject().put("warmAtStart", false)));
    return AppConfig.fromJson(ConfigLoader.readBase(null).mergeIn(testSettings, true)).with(overrides);
  }

  /** The same data folder and settings, started again: a restart. */
  public TestServer restart() {
    close();
    return start(vertx, config);
  }

  public App app() {
    return app;
  }

  public AppConfig config() {
    return config;
  }

  public int port() {
    return app.port();
  }

  public String origin() {
    return app.origin();
  }

  /** A client signed in as the configured admin. */
  public ApiClient admin() {
    ApiClient admin = client();
    admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    return admin;
  }

  /** A new client with its own cookies, as a separate browser would be. */
  public ApiClient client() {
    return new ApiClient(vertx, port());
  }

  @Override
  public void close() {
    app.stop().await();
  }
}
