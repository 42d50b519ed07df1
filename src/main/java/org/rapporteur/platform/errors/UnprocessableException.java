package org.rapporteur.platform.errors;

import java.util.List;

/** Well-formed input that cannot be carried out; names the field when one value is at fault. */
public final class UnprocessableException extends DomainException {
  private final List<FieldError> errors;

  public UnprocessableException(String detail) {
    this(detail, List.of());
  }

  public UnprocessableException(String detail, List<FieldError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public static UnprocessableException of(String field, String detail) {
    return new UnprocessableException(detail, List.of(new FieldError(field, detail)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public Kind kind() {
    return Kind.UNPROCESSABLE;
  }
}
