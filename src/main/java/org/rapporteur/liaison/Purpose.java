package org.rapporteur.liaison;

import org.rapporteur.platform.json.WireEnum;

/** Why a liaison statement is sent. */
public enum Purpose implements WireEnum {
  FOR_ACTION("for-action"),
  FOR_COMMENT("for-comment"),
  FOR_INFORMATION("for-information"),
  IN_RESPONSE("in-response");

  private final String wire;

  Purpose(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
