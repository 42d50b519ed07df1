package org.rapporteur.platform.errors;

import java.time.Duration;

public final class TooManyRequestsException extends DomainException {
  private final Duration retryAfter;

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public Kind kind() {
    return Kind.TOO_MANY_REQUESTS;
  }
}
