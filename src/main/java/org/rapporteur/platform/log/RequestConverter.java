package org.rapporteur.platform.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %request} in a text pattern: {@code " [req=<id> user=<id>]"} inside a request, nothing outside. */
public final class RequestConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String requestId = RequestScope.requestId();
    if (requestId == null) {
      return "";
    }
    String userId = RequestScope.userId();
    return " [req=" + requestId + (userId == null ? "" : " user=" + userId) + "]";
  }
}
