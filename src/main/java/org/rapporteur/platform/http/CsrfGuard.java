package org.rapporteur.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.rapporteur.platform.errors.ForbiddenException;

/**
 * Double-submit CSRF protection as the design fixes it: a GET under /api hands out the
 * {@code XSRF-TOKEN} cookie; every state-changing request must echo it in {@code X-XSRF-TOKEN}.
 * A foreign site can make the browser send the cookie but cannot read it to set the header.
 */
public final class CsrfGuard implements Handler<RoutingContext> {
  static final String COOKIE = "XSRF-TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final boolean secureCookie;

  CsrfGuard(boolean secureCookie) {
    this.secureCookie = secureCookie;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (SAFE.contains(ctx.request().method())) {
      if (cookie == null || cookie.getValue().isEmpty()) {
        issue(ctx, secureCookie);
      }
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader(HEADER);
    if (cookie == null || header == null || !constantTimeEquals(cookie.getValue(), header)) {
      ctx.fail(new ForbiddenException(
          "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"));
      return;
    }
    ctx.next();
  }

  /**
   * Hands out a new token. Sign-in and sign-out call it, so that a token someone else planted or
   * saw before (a shared computer, a cookie set from a sibling domain) does not carry over into or
   * out of a signed-in session.
   */
  public static void issue(RoutingContext ctx, boolean secureCookie) {
    ctx.response().addCookie(Cookie.cookie(COOKIE, newToken())
        .setPath("/")
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secureCookie));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
