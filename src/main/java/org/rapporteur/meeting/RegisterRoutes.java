package org.rapporteur.meeting;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.zip.StreamingZip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A meeting's document register as JSON, as CSV for a spreadsheet, and as a ZIP of the originals. */
public final class RegisterRoutes implements RouteModule {
  private static final Logger log = LoggerFactory.getLogger(RegisterRoutes.class);

  private final RegisterService register;

  RegisterRoutes(RegisterService register) {
    this.register = register;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/meetings/:id/register").respond(ctx -> register.register(Actors.of(ctx), id(ctx))
        .map(Register::toJson));
    router.get("/api/meetings/:id/register.csv").handler(ctx -> register.register(Actors.of(ctx), id(ctx))
        .onSuccess(r -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + Register.fileName(r.meeting(), "csv") + "\"")
            .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache")
            .end(r.toCsv()))
        .onFailure(ctx::fail));
    router.get("/api/meetings/:id/register.zip").handler(this::zip);
  }

  private void zip(RoutingContext ctx) {
    register.checkZip(Actors.of(ctx), id(ctx)).onFailure(ctx::fail).onSuccess(r -> {
      HttpServerResponse response = ctx.response()
          .setChunked(true)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
          .putHeader("Content-Disposition", "attachment; filename=\"" + Register.fileName(r.meeting(), "zip") + "\"")
          .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache")
          // stored entries of compressed documents: compressing again costs CPU and saves nothing
          .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
      AtomicBoolean gone = new AtomicBoolean();
      response.closeHandler(v -> gone.set(true));
      StreamingZip zip = new StreamingZip(response, gone::get);
      register.writeZip(r, zip)
          .onSuccess(v -> {
            if (!gone.get()) {
              response.end(zip.finish());
            }
          })
          .onFailure(e -> {
            // The status line is gone already: cutting the connection tells the client the file is incomplete.
            log.warn("Register ZIP of meeting {} failed midway", r.meeting().id(), e);
            response.reset();
          });
    });
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }
}
