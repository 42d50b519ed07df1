package org.rapporteur.platform.errors;

public final class UnsupportedMediaTypeException extends DomainException {
  public UnsupportedMediaTypeException(String detail) {
    super(detail);
  }

  @Override
  public Kind kind() {
    return Kind.UNSUPPORTED_MEDIA_TYPE;
  }
}
