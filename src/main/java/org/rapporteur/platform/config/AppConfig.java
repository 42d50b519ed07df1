package org.rapporteur.platform.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.function.Function;
import org.rapporteur.platform.mongo.EmbeddedMongo;

/**
 * The configuration, read once at start-up from {@code config/default.json} with environment
 * variables on top, and handed down. Platform sections are typed here; a feature reads its own
 * section through {@link #section}.
 */
public record AppConfig(Http http, Path dataDir, Mongo mongo, Admin admin, boolean demo, JsonObject source) {

  /**
   * The HTTP listener. Connection limits: a request header must arrive within
   * {@code requestHeaderTimeoutSeconds} of its first byte (or of the connection opening), a keep-alive
   * connection with no request under way is closed after {@code idleTimeoutSeconds}, and connections
   * beyond {@code maxConnections} are closed as they open. A refused upload's unread rest up to
   * {@code refusedBodyDrainBytes} is read and dropped to keep its connection; reading it or waiting
   * for a larger one to stop takes at most {@code refusedBodyDrainSeconds}.
   */
  public record Http(String host, int port, String publicOrigin, long maxJsonBodyBytes, int staticMaxAgeSeconds,
      int requestHeaderTimeoutSeconds, int idleTimeoutSeconds, int maxConnections, long refusedBodyDrainBytes,
      int refusedBodyDrainSeconds) {
    /** The origin browsers use; without a configured one, the server's own address. */
    public String originFor(int boundPort) {
      return publicOrigin != null ? publicOrigin : "http://" + host + ":" + boundPort;
    }
  }

  public record Mongo(String uri, String database, boolean embeddedFsync, int embeddedCacheMiB) {
    public boolean embedded() {
      return uri == null || uri.isBlank();
    }
  }

  public record Admin(String email, String password) {
    public boolean configured() {
      return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
  }

  public static AppConfig fromJson(JsonObject json) {
    JsonObject http = json.getJsonObject("http", new JsonObject());
    JsonObject mongo = json.getJsonObject("mongo", new JsonObject());
    JsonObject admin = json.getJsonObject("admin", new JsonObject());
    return new AppConfig(
        new Http(
            http.getString("host", "127.0.0.1"),
            http.getInteger("port", 8080),
            http.getString("publicOrigin"),
            http.getLong("maxJsonBodyBytes", 65_536L),
            http.getInteger("staticMaxAgeSeconds", 3600),
            http.getInteger("requestHeaderTimeoutSeconds", 10),
            http.getInteger("idleTimeoutSeconds", 30),
            http.getInteger("maxConnections", 20_000),
            http.getLong("refusedBodyDrainBytes", 1_048_576L),
            http.getInteger("refusedBodyDrainSeconds", 10)),
        Path.of(json.getString("dataDir", "data")),
        new Mongo(mongo.getString("uri"), mongo.getString("database", "rapporteur"), mongo.getBoolean("embeddedFsync", false),
            mongo.getInteger("embeddedCacheMiB", EmbeddedMongo.DEFAULT_CACHE_MIB)),
        new Admin(admin.getString("email"), admin.getString("password")),
        json.getBoolean("demo", false),
        json.copy());
  }

  public <T> T section(String name, Function<JsonObject, T> reader) {
    return reader.apply(source.getJsonObject(name, new JsonObject()));
  }

  /** A copy with some keys replaced, for tests and tools that start the server differently. */
  public AppConfig with(JsonObject overrides) {
    return fromJson(source.copy().mergeIn(overrides, true));
  }
}
