package org.rapporteur.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the page and the hashed files of {@link Assets}: hashed files are immutable for a year, the
 * page is revalidated at every visit (its ETag changes with any file, since it names them all). Both
 * go gzipped when the browser accepts it. Anything else falls through to the static files.
 */
final class AssetHandler implements Handler<RoutingContext> {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String SCRIPT_SRC = "script-src 'self'";
  private static final String[] DOCUMENT_HEADERS = {"Content-Security-Policy", "X-Frame-Options", "Referrer-Policy",
      "Permissions-Policy", "Cross-Origin-Opener-Policy"};

  private final Assets assets;

  AssetHandler(Assets assets) {
    this.assets = assets;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.equals("/") || path.equals("/index.html")) {
      MultiMap headers = ctx.response().headers();
      String csp = headers.get("Content-Security-Policy");
      if (csp != null) {
        headers.set("Content-Security-Policy", csp.replace(SCRIPT_SRC, SCRIPT_SRC + " " + assets.importMapSource()));
      }
      boolean saveData = "on".equalsIgnoreCase(ctx.request().getHeader("Save-Data"));
      send(ctx, saveData ? assets.savingPage() : assets.page(), "no-cache", "Accept-Encoding, Save-Data");
      return;
    }
    if (path.equals(Assets.SERVICE_WORKER) && assets.worker() != null) {
      // Every first visit fetches it: of the page's policy headers, only the CSP means anything to a worker.
      String csp = ctx.response().headers().get("Content-Security-Policy");
      withoutDocumentHeaders(ctx.response().headers());
      if (csp != null) {
        ctx.response().headers().set("Content-Security-Policy", csp);
      }
      send(ctx, assets.worker(), "no-cache", "Accept-Encoding");
      return;
    }
    Assets.Asset asset = assets.versioned(path);
    if (asset == null) {
      ctx.next();
    } else {
      withoutDocumentHeaders(ctx.response().headers());
      send(ctx, asset, IMMUTABLE, "Accept-Encoding");
    }
  }

  /**
   * A script, style sheet or message file is never a document: the page's policy headers mean nothing on
   * it, and on a slow link their 400 bytes, times every module, cost more than some modules do. nosniff
   * stays: it is what keeps a script from being read as something else.
   */
  private static void withoutDocumentHeaders(MultiMap headers) {
    for (String name : DOCUMENT_HEADERS) {
      headers.remove(name);
    }
  }

  /**
   * Nor does a file under a hashed name need a request id or an entity tag: it is never asked for
   * again, and forty such files would carry two kilobytes of them.
   */
  private static boolean immutable(String cacheControl) {
    return IMMUTABLE.equals(cacheControl);
  }

  static void send(RoutingContext ctx, Assets.Asset asset, String cacheControl, String vary) {
    MultiMap headers = ctx.response().headers();
    headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
    if (immutable(cacheControl)) {
      headers.remove(RequestIds.HEADER);
    } else {
      headers.set(HttpHeaders.ETAG, asset.etag());
    }
    headers.set(HttpHeaders.VARY, vary);
    headers.set(HttpHeaders.CONTENT_TYPE, asset.contentType());
    if (asset.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
    if (accepted != null && accepted.contains("gzip")) {
      headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
      ctx.response().end(asset.gzipped());
    } else {
      // Vert.x would compress it again otherwise; this client asked for no encoding it knows.
      headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
      ctx.response().end(asset.body());
    }
  }
}
