package org.rapporteur.chat;

import org.rapporteur.platform.errors.DomainException;

/** A moderator has muted the sender in this room. */
public final class MutedException extends DomainException {
  public MutedException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.FORBIDDEN;
  }
}
