package org.rapporteur.meeting;

import org.rapporteur.platform.json.WireEnum;

/** What the meeting did with an allocated document. */
public enum Treatment implements WireEnum {
  TO_PRESENT("to-present"),
  PRESENTED("presented"),
  NOTED("noted"),
  AGREED("agreed"),
  REVISED("revised"),
  MERGED("merged"),
  WITHDRAWN("withdrawn"),
  POSTPONED("postponed");

  private final String wire;

  Treatment(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
