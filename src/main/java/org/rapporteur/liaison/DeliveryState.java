package org.rapporteur.liaison;

import org.rapporteur.platform.json.WireEnum;

/** A statement's state in one addressed group's inbox. */
public enum DeliveryState implements WireEnum {
  RECEIVED("received"),
  IN_PROGRESS("in-progress"),
  REPLIED("replied"),
  CLOSED("closed");

  private final String wire;

  DeliveryState(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
