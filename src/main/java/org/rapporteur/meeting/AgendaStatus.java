package org.rapporteur.meeting;

import org.rapporteur.platform.json.WireEnum;

/** A draft agenda may change freely; an approved one keeps a visible history of later changes. */
public enum AgendaStatus implements WireEnum {
  DRAFT("draft"),
  APPROVED("approved");

  private final String wire;

  AgendaStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
