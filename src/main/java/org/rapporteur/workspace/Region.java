package org.rapporteur.workspace;

import org.rapporteur.platform.json.WireEnum;

/** The six ITU-D regions. */
public enum Region implements WireEnum {
  AFR("AFR"),
  AMS("AMS"),
  ARB("ARB"),
  ASP("ASP"),
  CIS("CIS"),
  EUR("EUR");

  private final String wire;

  Region(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
