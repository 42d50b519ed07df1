package org.rapporteur.realtime.transport;

import org.rapporteur.platform.errors.DomainException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.TooManyRequestsException;

/** The {@code code} of an error frame for each failure, so clients need not read the text. */
final class ErrorCodes {
  static final String UNKNOWN_TYPE = "unknown-type";
  static final String MALFORMED = "malformed";
  static final String OVERSIZE = "oversize";
  static final String NOT_SUBSCRIBED = "not-subscribed";

  private ErrorCodes() {}

  static String of(Throwable failure) {
    if (failure instanceof FrameError named) {
      return named.code();
    }
    if (failure instanceof TooManyRequestsException) {
      return "rate-limited";
    }
    if (failure instanceof InvalidInputException) {
      return "invalid";
    }
    if (failure instanceof DomainException domain) {
      return switch (domain.kind()) {
        case TOO_LARGE -> "too-long";
        case FORBIDDEN -> "forbidden";
        case NOT_FOUND -> "not-found";
        case UNAUTHENTICATED -> "unauthenticated";
        case CONFLICT -> "conflict";
        case UNPROCESSABLE -> "unprocessable";
        default -> "invalid";
      };
    }
    return "unavailable";
  }

  static String detail(Throwable failure) {
    return failure instanceof DomainException ? failure.getMessage() : "The server could not do this now; try again";
  }
}
