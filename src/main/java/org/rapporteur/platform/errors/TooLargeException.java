package org.rapporteur.platform.errors;

public final class TooLargeException extends DomainException {
  public TooLargeException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.TOO_LARGE;
  }
}
