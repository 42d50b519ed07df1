package org.rapporteur.platform.errors;

public final class UnprocessableException extends DomainException {
  public UnprocessableException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.UNPROCESSABLE;
  }
}
