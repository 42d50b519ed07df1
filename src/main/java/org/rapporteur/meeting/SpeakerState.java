package org.rapporteur.meeting;

import org.rapporteur.platform.json.WireEnum;

/** Where a request for the floor stands. */
public enum SpeakerState implements WireEnum {
  WAITING("waiting"),
  SPEAKING("speaking"),
  DONE("done"),
  WITHDRAWN("withdrawn"),
  DISMISSED("dismissed");

  private final String wire;

  SpeakerState(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
