package org.rapporteur.account;

import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;

/** What a person gives to open an account. */
public record Registration(String email, String password, String name, String country, String affiliation) {
  static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  public static Registration from(JsonInput in, int passwordMinLength) {
    String email = in.requiredMatching("email", EMAIL, "must be an e-mail address");
    String password = readPassword(in, passwordMinLength);
    String name = in.requiredString("name", 120);
    String country = in.requiredString("country", 80);
    String affiliation = in.optionalString("affiliation", 200);
    in.done();
    return new Registration(normalizeEmail(email), password, name, country, affiliation);
  }

  static String normalizeEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String readPassword(JsonInput in, int minLength) {
    return readPassword(in, "password", minLength);
  }

  /** The one password rule, for sign-up, reset and change alike. */
  static String readPassword(JsonInput in, String field, int minLength) {
    String password = in.requiredString(field, 200);
    if (password != null && password.length() < minLength) {
      in.fail(field, "must be at least " + minLength + " characters");
      return null;
    }
    return password;
  }
}
