package org.rapporteur.platform.security;

import org.rapporteur.platform.json.WireEnum;

/** Roles that hold across all groups. */
public enum GlobalRole implements WireEnum {
  ADMIN("admin"),
  SECRETARIAT("secretariat");

  private final String wire;

  GlobalRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
