package org.rapporteur.chat;

import org.rapporteur.platform.errors.DomainException;
import org.rapporteur.realtime.transport.FrameError;

/** A moderator has muted the sender in this room. */
public final class MutedException extends DomainException implements FrameError {
  public MutedException(String detail) {
    super(detail);
  }

  @Override
  public String code() {
    return "muted";
  }

  @Override
  public Kind kind() {
    return Kind.FORBIDDEN;
  }
}
