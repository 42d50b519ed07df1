package org.rapporteur.platform.errors;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A conflict with stored state; names the field when one value clashes (a duplicate code or email). */
public final class ConflictException extends DomainException {
  private final List<FieldError> errors;
  private final JsonObject extensions;
  private final String type;

  public ConflictException(String detail) {
    this(detail, List.of(), new JsonObject(), null);
  }

  public ConflictException(String detail, List<FieldError> errors) {
    this(detail, errors, new JsonObject(), null);
  }

  private ConflictException(String detail, List<FieldError> errors, JsonObject extensions, String type) {
    super(detail);
    this.errors = List.copyOf(errors);
    this.extensions = extensions;
    this.type = type;
  }

  /**
   * A conflict of its own kind, which clients tell apart by its problem type (e.g. a meeting that was
   * called off) rather than by the detail text.
   */
  public static ConflictException ofType(String type, String detail, JsonObject extensions) {
    return new ConflictException(detail, List.of(), extensions, type);
  }

  /** The problem type when this conflict has its own, else null (the generic conflict). */
  public String type() {
    return type;
  }

  /** A change made on a version that is no longer current; the answer tells the current one. */
  public static ConflictException staleVersion(long expected, long current) {
    return new ConflictException("This was changed meanwhile: you edited version " + expected
        + ", the current version is " + current + ". Reload and apply your change again.",
        List.of(new FieldError("version", "is not the current version")),
        new JsonObject().put("currentVersion", current), null);
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
