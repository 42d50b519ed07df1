package org.rapporteur.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code config/default.json} (from the working directory, else the copy in the jar), then
 * applies the environment variables of the run contract. Blocking reads are fine: it runs once,
 * before Vert.x starts.
 */
public final class ConfigLoader {
  private static final String DEFAULT_FILE = "config/default.json";
  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

  private ConfigLoader() {}

  /** Fails with every problem found, each naming its key; unknown keys that are no typo are only logged. */
  public static AppConfig load(Map<String, String> env, boolean demoFlag) {
    JsonObject json = readBase(env.get("CONFIG_FILE"));
    applyEnvironment(json, env);
    if (demoFlag) {
      json.put("demo", true);
    }
    ConfigCheck.Result check = ConfigCheck.check(readBundled(), json);
    check.warnings().forEach(warning -> log.warn("Configuration: {}", warning));
    if (!check.ok()) {
      throw new IllegalArgumentException("Configuration: " + String.join("; ", check.errors()));
    }
    return AppConfig.fromJson(json);
  }

  /** The defaults shipped with this build: they name every key it knows. */
  static JsonObject readBundled() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_FILE)) {
      if (in == null) {
        throw new IllegalStateException("No bundled " + DEFAULT_FILE);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject readBase(String explicitFile) {
    Path file = Path.of(explicitFile != null ? explicitFile : DEFAULT_FILE);
    try {
      if (Files.isRegularFile(file)) {
        return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
      }
      try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_FILE)) {
        if (in == null) {
          throw new IllegalStateException("No " + file + " and no bundled " + DEFAULT_FILE);
        }
        return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void applyEnvironment(JsonObject json, Map<String, String> env) {
    set(json, "http", "host", env.get("HTTP_HOST"));
    if (env.get("HTTP_PORT") != null) {
      try {
        json.getJsonObject("http").put("port", Integer.parseInt(env.get("HTTP_PORT").trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("HTTP_PORT (http.port): \"" + env.get("HTTP_PORT") + "\" is not a port number");
      }
    }
    set(json, "http", "publicOrigin", env.get("PUBLIC_ORIGIN"));
    if (env.get("DATA_DIR") != null) {
      json.put("dataDir", env.get("DATA_DIR"));
    }
    set(json, "mongo", "uri", env.get("MONGO_URI"));
    set(json, "admin", "email", env.get("ADMIN_EMAIL"));
    set(json, "admin", "password", env.get("ADMIN_PASSWORD"));
    if ("true".equalsIgnoreCase(env.get("DEMO"))) {
      json.put("demo", true);
    }
    applyClusterEnvironment(json, env);
  }

  /** The cluster's part of the run contract (docs/cluster.md): CLUSTER*, and DB_HOST/DB_PORT for --database-only. */
  private static void applyClusterEnvironment(JsonObject json, Map<String, String> env) {
    if (env.get("CLUSTER") != null) {
      section(json, "cluster").put("enabled", "true".equalsIgnoreCase(env.get("CLUSTER").trim()));
    }
    set(json, "cluster", "host", env.get("CLUSTER_HOST"));
    if (env.get("CLUSTER_PORT") != null) {
      section(json, "cluster").put("port", Integer.parseInt(env.get("CLUSTER_PORT").trim()));
    }
    if (env.get("CLUSTER_MEMBERS") != null) {
      section(json, "cluster").put("members", new JsonArray(List.of(env.get("CLUSTER_MEMBERS").split(","))));
    }
    set(json, "mongo", "listenHost", env.get("DB_HOST"));
    if (env.get("DB_PORT") != null) {
      section(json, "mongo").put("listenPort", Integer.parseInt(env.get("DB_PORT").trim()));
    }
  }

  private static JsonObject section(JsonObject json, String name) {
    JsonObject target = json.getJsonObject(name);
    if (target == null) {
      target = new JsonObject();
      json.put(name, target);
    }
    return target;
  }

  private static void set(JsonObject json, String section, String key, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    JsonObject target = json.getJsonObject(section);
    if (target == null) {
      target = new JsonObject();
      json.put(section, target);
    }
    target.put(key, value);
  }
}
