package org.rapporteur.initiative;

import org.rapporteur.platform.json.WireEnum;

/** A partner's role in a project, as IATI's OrganisationRole code list numbers it (1 to 4). */
public enum PartnerRole implements WireEnum {
  FUNDING(1, "funding"),
  ACCOUNTABLE(2, "accountable"),
  EXTENDING(3, "extending"),
  IMPLEMENTING(4, "implementing");

  private final int code;
  private final String wire;

  PartnerRole(int code, String wire) {
    this.code = code;
    this.wire = wire;
  }

  /** The IATI code. */
  public int code() {
    return code;
  }

  @Override
  public String wire() {
    return wire;
  }
}
