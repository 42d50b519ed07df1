package org.rapporteur.platform.errors;

import java.util.List;

/** Well-formed input that refers to something that cannot be used (another group's document, a missing account). */
public final class UnprocessableException extends DomainException {
  private final List<FieldError> errors;

  public UnprocessableException(String detail) {
    this(detail, List.of());
  }

  public UnprocessableException(String detail, List<FieldError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public static UnprocessableException of(String field, String message) {
    return new UnprocessableException(field + ": " + message, List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public Kind kind() {
    return Kind.UNPROCESSABLE;
  }
}
