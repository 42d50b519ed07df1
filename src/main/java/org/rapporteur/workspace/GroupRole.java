package org.rapporteur.workspace;

import org.rapporteur.platform.json.WireEnum;

/** A person's role within one group. */
public enum GroupRole implements WireEnum {
  CHAIR("chair"),
  VICE_CHAIR("vice-chair"),
  RAPPORTEUR("rapporteur"),
  ASSOCIATE_RAPPORTEUR("associate-rapporteur"),
  MEMBER("member"),
  OBSERVER("observer"),
  SECRETARIAT("secretariat");

  private final String wire;

  GroupRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** Chairs, vice-chairs and the group's secretariat run the workspace: members, Questions, meetings. */
  public boolean manages() {
    return this == CHAIR || this == VICE_CHAIR || this == SECRETARIAT;
  }

  /** Those who lead the substantive work: they draft outputs and liaison statements. */
  public boolean leadsWork() {
    return manages() || this == RAPPORTEUR || this == ASSOCIATE_RAPPORTEUR;
  }
}
