package org.rapporteur.liaison;

import org.rapporteur.platform.json.WireEnum;

/** How one statement relates to another: replies form a thread, related statements are only cross-referenced. */
public enum LinkType implements WireEnum {
  IN_RESPONSE_TO("in-response-to"),
  RELATED_TO("related-to");

  private final String wire;

  LinkType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
