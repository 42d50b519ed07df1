package org.rapporteur.initiative;

import java.util.Locale;
import org.rapporteur.platform.json.WireEnum;

/** A partner's role in a project, in the order of IATI's OrganisationRole code list, which numbers them 1 to 4. */
public enum PartnerRole implements WireEnum {
  FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING;

  /** The IATI code. */
  public int code() {
    return ordinal() + 1;
  }

  @Override
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
