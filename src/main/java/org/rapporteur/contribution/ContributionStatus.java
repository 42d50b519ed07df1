package org.rapporteur.contribution;

import org.rapporteur.platform.json.WireEnum;

public enum ContributionStatus implements WireEnum {
  SUBMITTED("submitted"),
  ALLOCATED("allocated"),
  PRESENTED("presented"),
  NOTED("noted"),
  REVISED("revised"),
  WITHDRAWN("withdrawn"),
  MERGED("merged");

  private final String wire;

  ContributionStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
