package org.rapporteur.platform.errors;

import java.util.List;

/** A conflict with stored state; names the field when one value clashes (a duplicate code or email). */
public final class ConflictException extends DomainException {
  private final List<FieldError> errors;

  public ConflictException(String detail) {
    this(detail, List.of());
  }

  public ConflictException(String detail, List<FieldError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public static ConflictException duplicate(String field, String detail) {
    return new ConflictException(detail, List.of(new FieldError(field, "already taken")));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public Kind kind() {
    return Kind.CONFLICT;
  }
}
