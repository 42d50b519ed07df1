package org.rapporteur.workspace;

import org.rapporteur.platform.json.WireEnum;

/** The ITU sector a group belongs to. */
public enum Sector implements WireEnum {
  ITU_D("ITU-D"),
  ITU_T("ITU-T");

  private final String wire;

  Sector(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
