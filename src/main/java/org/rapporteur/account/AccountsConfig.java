package org.rapporteur.account;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

public record AccountsConfig(Duration sessionLifetime, int pbkdf2Iterations, int hashingWorkers,
    int passwordMinLength, int signInMaxFailures, Duration signInWindow) {

  public static AccountsConfig fromJson(JsonObject json) {
    return new AccountsConfig(
        Duration.ofHours(json.getInteger("sessionHours", 720)),
        json.getInteger("pbkdf2Iterations", 210_000),
        json.getInteger("hashingWorkers", 2),
        json.getInteger("passwordMinLength", 10),
        json.getInteger("signInMaxFailures", 5),
        Duration.ofSeconds(json.getInteger("signInWindowSeconds", 900)));
  }
}
