package org.rapporteur.realtime.room;

import org.rapporteur.platform.errors.InvalidInputException;

/** A sequence number given as text (a query parameter, {@code Last-Event-ID}); a bad one is a 400 naming it. */
public final class SeqParam {
  private SeqParam() {}

  /** Null when absent; else a number of 0 or more. */
  public static Long parse(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      long seq = Long.parseLong(value.strip());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw InvalidInputException.of(name, "must be a sequence number (0 or more)");
  }
}
