package org.rapporteur.platform.errors;

public final class ForbiddenException extends DomainException {
  public ForbiddenException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.FORBIDDEN;
  }
}
