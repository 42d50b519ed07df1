package org.rapporteur.platform.errors;

/**
 * The failures a service may report. One failure handler maps each kind to its HTTP status and
 * problem type, so no handler decides status codes itself.
 */
public abstract class DomainException extends RuntimeException {
  protected DomainException(String detail) {
    super(detail, null, false, false);
  }

  public abstract Kind kind();

  public enum Kind {
    INVALID(400, "invalid-input", "The request is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "Sign-in required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Conflict with the current state"),
    TOO_LARGE(413, "too-large", "Content too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
    UNPROCESSABLE(422, "unprocessable", "The request cannot be carried out"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests");

    public final int status;
    public final String type;
    public final String title;

    Kind(int status, String type, String title) {
      this.status = status;
      this.type = type;
      this.title = title;
    }
  }
}
