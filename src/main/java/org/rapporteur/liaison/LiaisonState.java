package org.rapporteur.liaison;

import org.rapporteur.platform.json.WireEnum;

/** A statement's state as its sender sees it: drafted, approved by the chair, sent, answered, closed. */
public enum LiaisonState implements WireEnum {
  DRAFT("draft"),
  APPROVED("approved"),
  SENT("sent"),
  REPLIED("replied"),
  CLOSED("closed");

  private final String wire;

  LiaisonState(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
