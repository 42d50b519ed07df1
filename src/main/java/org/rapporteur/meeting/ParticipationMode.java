package org.rapporteur.meeting;

import org.rapporteur.platform.json.WireEnum;

/** Where a participant takes part from. */
public enum ParticipationMode implements WireEnum {
  REMOTE("remote"),
  ON_SITE("on-site");

  private final String wire;

  ParticipationMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
