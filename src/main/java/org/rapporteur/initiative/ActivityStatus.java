package org.rapporteur.initiative;

import org.rapporteur.platform.json.WireEnum;

/** A project's status, as IATI's ActivityStatus code list numbers it (1 to 6). */
public enum ActivityStatus implements WireEnum {
  PIPELINE(1, "pipeline"),
  IMPLEMENTATION(2, "implementation"),
  FINALISATION(3, "finalisation"),
  CLOSED(4, "closed"),
  CANCELLED(5, "cancelled"),
  SUSPENDED(6, "suspended");

  private final int code;
  private final String wire;

  ActivityStatus(int code, String wire) {
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
