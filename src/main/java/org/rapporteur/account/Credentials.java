package org.rapporteur.account;

import org.rapporteur.platform.json.JsonInput;

public record Credentials(String email, String password) {
  public static Credentials from(JsonInput in) {
    String email = in.requiredString("email", 254);
    String password = in.requiredString("password", 200);
    in.done();
    return new Credentials(Registration.normalizeEmail(email), password);
  }
}
