package org.rapporteur.account;

import org.rapporteur.platform.json.JsonInput;

/** The signed-in person's current password and the one they choose instead. */
public record PasswordChange(String currentPassword, String newPassword) {
  static PasswordChange from(JsonInput in, int passwordMinLength) {
    String current = in.requiredString("currentPassword", 200);
    String chosen = Registration.readPassword(in, "newPassword", passwordMinLength);
    in.done();
    return new PasswordChange(current, chosen);
  }
}
