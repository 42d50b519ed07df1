package org.rapporteur.platform.security;

import java.util.Set;
import org.rapporteur.platform.errors.UnauthenticatedException;

/** Who makes a request: a signed-in user with their global roles, or nobody. */
public record Actor(String userId, String email, String name, Set<GlobalRole> roles) {
  public static final Actor ANONYMOUS = new Actor(null, null, null, Set.of());

  public boolean signedIn() {
    return userId != null;
  }

  public boolean has(GlobalRole role) {
    return roles.contains(role);
  }

  /** Admins and secretariat officers: they create groups and may act in any workspace. */
  public boolean isStaff() {
    return has(GlobalRole.ADMIN) || has(GlobalRole.SECRETARIAT);
  }

  public Actor requireSignedIn() {
    if (!signedIn()) {
      throw new UnauthenticatedException("Sign in first");
    }
    return this;
  }
}
