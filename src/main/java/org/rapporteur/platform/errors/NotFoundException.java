package org.rapporteur.platform.errors;

public final class NotFoundException extends DomainException {
  public NotFoundException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.NOT_FOUND;
  }
}
