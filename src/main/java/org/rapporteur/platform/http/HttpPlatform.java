package org.rapporteur.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import org.rapporteur.platform.config.AppConfig;

/**
 * The handlers every request passes: security headers, CSRF and JSON body limits in front of the
 * feature routes; static files and problem+json answers (including 404 and 405) behind them.
 */
public final class HttpPlatform {
  private static final List<String> STREAMED_TYPES = List.of("multipart/form-data", "application/offset+octet-stream");

  private final AppConfig.Http config;
  private final boolean https;
  private final Assets assets;

  public HttpPlatform(AppConfig.Http config, String publicOrigin, Assets assets) {
    this.config = config;
    this.https = publicOrigin.startsWith("https:");
    this.assets = assets;
  }

  public void installFront(Router router) {
    // First of all, whatever was added before: every answer, even a refused upload's, carries its id.
    router.route().order(-1_000_000).handler(new RequestIds());
    // A WebSocket handshake must still be unread when its route upgrades it, after the session
    // lookup (asynchronous) has run: hold its (empty) body until then.
    router.route("/api/*").handler(ctx -> {
      if (ctx.request().canUpgradeToWebSocket()) {
        ctx.request().pause();
      }
      ctx.next();
    });
    router.route().handler(new SecurityHeaders(https));
    router.route("/api/*").handler(new CsrfGuard(https));
    BodyHandler json = BodyHandler.create(false).setBodyLimit(config.maxJsonBodyBytes());
    router.route("/api/*").handler(ctx -> {
      if (streamsItsBody(ctx)) {
        ctx.next();
      } else {
        json.handle(ctx);
      }
    });
  }

  public void installBack(Router router) {
    router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(365L * 24 * 3600));
    router.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(new AssetHandler(assets));
    router.routeWithRegex(".*(\\.html|/)$").handler(ctx -> {
      ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
      ctx.next();
    });
    // GET and HEAD only, so a known path with another method ends as 405 rather than 404.
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(StaticHandler.create("webroot")
        .setMaxAgeSeconds(config.staticMaxAgeSeconds())
        .setIncludeHidden(false));
    ProblemHandler problems = new ProblemHandler();
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, problems);
    }
  }

  /**
   * Uploads stream their bodies to their own handlers instead of buffering them as JSON; a WebSocket
   * handshake has no body, and reading it would make the upgrade impossible.
   */
  private static boolean streamsItsBody(RoutingContext ctx) {
    if (ctx.request().canUpgradeToWebSocket()) {
      return true;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (ctx.request().path().startsWith("/api/uploads")) {
      return true;
    }
    return type != null && STREAMED_TYPES.stream().anyMatch(t -> type.toLowerCase().startsWith(t));
  }
}
