package org.rapporteur.platform.errors;

public final class UnauthenticatedException extends DomainException {
  public UnauthenticatedException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.UNAUTHENTICATED;
  }
}
