package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256 with a per-user salt, computed on a bounded worker pool, never on an event loop. */
final class PasswordHasher {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WorkerExecutor workers;
  private final int iterations;

  PasswordHasher(WorkerExecutor workers, int iterations) {
    this.workers = workers;
    this.iterations = iterations;
  }

  Future<JsonObject> hash(String password) {
    return workers.executeBlocking(() -> {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      return new JsonObject()
          .put("algorithm", ALGORITHM)
          .put("iterations", iterations)
          .put("salt", Base64.getEncoder().encodeToString(salt))
          .put("hash", Base64.getEncoder().encodeToString(derive(password, salt, iterations)));
    }, false);
  }

  /** Checks against a stored hash; with none, still spends the same time so timing tells nothing. */
  Future<Boolean> verify(String password, JsonObject stored) {
    return workers.executeBlocking(() -> {
      if (stored == null) {
        derive(password, new byte[16], iterations);
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(stored.getString("salt"));
      byte[] expected = Base64.getDecoder().decode(stored.getString("hash"));
      return MessageDigest.isEqual(expected, derive(password, salt, stored.getInteger("iterations")));
    }, false);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } finally {
      spec.clearPassword();
    }
  }
}
