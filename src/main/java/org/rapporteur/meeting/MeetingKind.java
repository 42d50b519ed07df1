package org.rapporteur.meeting;

import org.rapporteur.platform.json.WireEnum;

/** How people attend a meeting. */
public enum MeetingKind implements WireEnum {
  IN_PERSON("in-person"),
  VIRTUAL("virtual"),
  HYBRID("hybrid");

  private final String wire;

  MeetingKind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
