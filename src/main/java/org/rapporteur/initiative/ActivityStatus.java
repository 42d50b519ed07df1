package org.rapporteur.initiative;

import java.util.Locale;
import org.rapporteur.platform.json.WireEnum;

/** A project's status, in the order of IATI's ActivityStatus code list, which numbers them 1 to 6. */
public enum ActivityStatus implements WireEnum {
  PIPELINE, IMPLEMENTATION, FINALISATION, CLOSED, CANCELLED, SUSPENDED;

  /** The IATI code. */
  public int code() {
    return ordinal() + 1;
  }

  @Override
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
