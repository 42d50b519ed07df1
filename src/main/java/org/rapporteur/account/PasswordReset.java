package org.rapporteur.account;

import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;

/** A reset link's token and the new password chosen with it. */
public record PasswordReset(String token, String password) {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  static PasswordReset from(JsonInput in, int passwordMinLength) {
    String token = in.requiredMatching("token", TOKEN, "is not a reset token; open the link from the e-mail");
    String password = Registration.readPassword(in, "password", passwordMinLength);
    in.done();
    return new PasswordReset(token, password);
  }

  /** The address a reset link is asked for. */
  static String email(JsonInput in) {
    String email = in.requiredMatching("email", Registration.EMAIL, "must be an e-mail address");
    in.done();
    return Registration.normalizeEmail(email);
  }
}
