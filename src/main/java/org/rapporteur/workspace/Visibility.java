package org.rapporteur.workspace;

import org.rapporteur.platform.json.WireEnum;

/** Public groups are read by anyone; restricted ones by their members and the staff. */
public enum Visibility implements WireEnum {
  PUBLIC("public"),
  RESTRICTED("restricted");

  private final String wire;

  Visibility(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
