package org.rapporteur.initiative;

import org.rapporteur.platform.json.WireEnum;

/** What kind of body a partner organization is (Resolutions 17 and 21). */
public enum PartnerKind implements WireEnum {
  REGIONAL_TELECOM_ORGANIZATION("regional-telecom-organization"),
  REGIONAL_ECONOMIC_COMMUNITY("regional-economic-community"),
  REGULATORS_NETWORK("regulators-network"),
  TRAINING_INSTITUTION("training-institution"),
  FINANCIAL_INSTITUTION("financial-institution"),
  MEMBER_STATE("member-state"),
  SECTOR_MEMBER("sector-member"),
  OTHER("other");

  private final String wire;

  PartnerKind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
