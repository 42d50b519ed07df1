package org.rapporteur.platform.errors;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A conflict with stored state; names the field when one value clashes (a duplicate code or email). */
public final class ConflictException extends DomainException {
  private final List<FieldError> errors;
  private final JsonObject extensions;

  public ConflictException(String detail) {
    this(detail, List.of(), new JsonObject());
  }

  public ConflictException(String detail, List<FieldError> errors) {
    this(detail, errors, new JsonObject());
  }

  private ConflictException(String detail, List<FieldError> errors, JsonObject extensions) {
    super(detail);
    this.errors = List.copyOf(errors);
    this.extensions = extensions;
  }

  /** A change made on a version that is no longer current; the answer tells the current one. */
  public static ConflictException staleVersion(long expected, long current) {
    return new ConflictException("This was changed meanwhile: you edited version " + expected
        + ", the current version is " + current + ". Reload and apply your change again.",
        List.of(new FieldError("version", "is not the current version")),
        new JsonObject().put("currentVersion", current));
  }

  /** Extra members for the problem document. */
  public JsonObject extensions() {
    return extensions;
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
