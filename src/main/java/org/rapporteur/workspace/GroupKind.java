package org.rapporteur.workspace;

import org.rapporteur.platform.json.WireEnum;

/** What sort of group a workspace is. */
public enum GroupKind implements WireEnum {
  STUDY_GROUP("study-group"),
  REGIONAL_GROUP("regional-group"),
  RAPPORTEUR_GROUP("rapporteur-group"),
  SUBREGIONAL_GROUP("subregional-group");

  private final String wire;

  GroupKind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
