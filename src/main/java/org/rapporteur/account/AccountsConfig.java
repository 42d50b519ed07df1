package org.rapporteur.account;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * {@code passwordResetLifetime}: how long a reset link works; at most {@code passwordResetMaxRequests}
 * reset e-mails are asked for one address within {@code passwordResetWindow}.
 */
public record AccountsConfig(Duration sessionLifetime, int pbkdf2Iterations, int hashingWorkers,
    int passwordMinLength, int signInMaxFailures, Duration signInWindow, Duration passwordResetLifetime,
    int passwordResetMaxRequests, Duration passwordResetWindow) {

  public static AccountsConfig fromJson(JsonObject json) {
    return new AccountsConfig(
        Duration.ofHours(json.getInteger("sessionHours", 720)),
        json.getInteger("pbkdf2Iterations", 210_000),
        json.getInteger("hashingWorkers", 2),
        json.getInteger("passwordMinLength", 10),
        json.getInteger("signInMaxFailures", 5),
        Duration.ofSeconds(json.getInteger("signInWindowSeconds", 900)),
        Duration.ofMinutes(json.getInteger("passwordResetMinutes", 60)),
        json.getInteger("passwordResetMaxRequests", 3),
        Duration.ofSeconds(json.getInteger("passwordResetWindowSeconds", 3600)));
  }
}
