package org.rapporteur.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries, whatever produced it. An API answer is never a document: it gets
 * a policy that allows nothing, and none of the headers that only a document's browsing context reads,
 * which on a slow link cost more bytes than most of the answers they would travel with.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  private static final String CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'");
  private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  private final boolean https;

  SecurityHeaders(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var headers = ctx.response().headers();
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    if (ctx.normalizedPath().startsWith("/api/")) {
      headers.set("Content-Security-Policy", API_CSP);
    } else {
      headers.set("Content-Security-Policy", CSP);
      headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
      headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
      headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }
    if (https) {
      headers.set("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.next();
  }
}
