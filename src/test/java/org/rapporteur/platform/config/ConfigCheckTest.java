package org.rapporteur.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {
  private static final JsonObject DEFAULTS = ConfigLoader.readBundled();

  private static ConfigCheck.Result check(JsonObject overrides) {
    return ConfigCheck.check(DEFAULTS, DEFAULTS.copy().mergeIn(overrides, true));
  }

  @Test
  @DisplayName("The shipped defaults pass with no warning")
  void defaultsPass() {
    ConfigCheck.Result result = ConfigCheck.check(DEFAULTS, DEFAULTS.copy());
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  @DisplayName("A misspelt key fails, naming it and the key it resembles")
  void typoFails() {
    ConfigCheck.Result result = check(new JsonObject().put("chat", new JsonObject().put("maxTextLenght", 10)));
    assertThat(result.errors()).containsExactly("chat.maxTextLenght: unknown key; did you mean chat.maxTextLength?");
  }

  @Test
  @DisplayName("The change feed's poll, page, retention and trim interval must be at least 10 ms, 1 entry, 1 day and 1 minute")
  void indexFeedSettingsChecked() {
    ConfigCheck.Result result = check(new JsonObject().put("index", new JsonObject().put("feedPollMillis", 0)
        .put("feedPageSize", 0).put("feedTrimMinutes", 0).put("feedRetentionDays", 0)));
    assertThat(result.errors()).containsExactlyInAnyOrder(
        "index.feedPollMillis: 0 is outside 10-3600000",
        "index.feedPageSize: 0 is outside 1-10000",
        "index.feedRetentionDays: 0 is outside 1-3650",
        "index.feedTrimMinutes: 0 is outside 1-10080");
  }

  @Test
  @DisplayName("An unknown key unlike any other is only a warning")
  void unknownKeyWarns() {
    ConfigCheck.Result result = check(new JsonObject().put("futureFeature", new JsonObject().put("enabled", true)));
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly("futureFeature: unknown key, ignored");
  }

  @Test
  @DisplayName("Wrong types, fractions, negatives and out-of-range values are named by their key")
  void valuesChecked() {
    ConfigCheck.Result result = check(new JsonObject()
        .put("http", new JsonObject().put("port", 70000).put("maxConnections", "many"))
        .put("chat", new JsonObject().put("replayBufferEvents", -1).put("maxTextLength", 1.5)
            .put("rateLimit", new JsonObject().put("enabled", "yes")))
        .put("mongo", new JsonObject().put("uri", 27017))
        .put("metrics", "everyone"));
    assertThat(result.errors()).containsExactlyInAnyOrder(
        "http.port: 70000 is outside 0-65535",
        "http.maxConnections: must be a number",
        "chat.replayBufferEvents: -1 is outside 0 and above",
        "chat.maxTextLength: must be a whole number",
        "chat.rateLimit.enabled: must be true or false",
        "mongo.uri: must be text",
        "metrics: must be an object");
  }

  @Test
  @DisplayName("Loading a settings file with errors stops the start with every problem named")
  void loadFailsNamingKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, DEFAULTS.copy().put("shutdown", new JsonObject().put("graceSecond", 5)).encode());
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", file.toString()), false))
        .hasMessageContaining("shutdown.graceSecond: unknown key; did you mean shutdown.graceSeconds?");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", file.toString(), "HTTP_PORT", "eighty"), false))
        .hasMessageContaining("HTTP_PORT");
  }
}
