package org.rapporteur.contribution;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnsupportedMediaTypeException;
import org.rapporteur.platform.http.RouteModule;

/** The tus 1.0 protocol at {@code /api/uploads}: the HTTP side of {@link ResumableUploads}. */
public final class ResumableUploadRoutes implements RouteModule {
  static final String VERSION = "1.0.0";
  private static final String OFFSET_TYPE = "application/offset+octet-stream";

  private final ResumableUploads uploads;

  public ResumableUploadRoutes(ResumableUploads uploads) {
    this.uploads = uploads;
  }

  @Override
  public void mount(Router router) {
    router.route("/api/uploads*").handler(this::tusHeaders);
    router.options("/api/uploads").handler(ctx -> ctx.response().setStatusCode(204)
        .putHeader("Tus-Version", VERSION)
        .putHeader("Tus-Extension", "creation,termination,expiration")
        .putHeader("Tus-Max-Size", Long.toString(uploads.maxSize()))
        .end());
    router.post("/api/uploads").handler(ctx -> uploads
        .create(Actors.of(ctx), longHeader(ctx, "Upload-Length"), ctx.request().getHeader("Upload-Metadata"))
        .onSuccess(upload -> ctx.response().setStatusCode(201)
            .putHeader("Location", "/api/uploads/" + upload.id())
            .putHeader("Upload-Expires", httpDate(upload))
            .putHeader("Upload-Offset", "0")
            .end())
        .onFailure(ctx::fail));
    router.head("/api/uploads/:id").handler(ctx -> uploads.find(Actors.of(ctx), ctx.pathParam("id"))
        .onSuccess(upload -> describe(ctx.response(), upload).end())
        .onFailure(ctx::fail));
    router.patch("/api/uploads/:id").handler(this::patch);
    router.delete("/api/uploads/:id").handler(ctx -> uploads.terminate(Actors.of(ctx), ctx.pathParam("id"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail));
  }

  private void patch(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith(OFFSET_TYPE)) {
      ctx.fail(new UnsupportedMediaTypeException("Send PATCH bodies as " + OFFSET_TYPE));
      return;
    }
    uploads.append(Actors.of(ctx), ctx.pathParam("id"), longHeader(ctx, "Upload-Offset"), ctx.request())
        .onSuccess(upload -> describe(ctx.response().setStatusCode(204), upload).end())
        .onFailure(ctx::fail);
  }

  /** Every answer, errors included, names the protocol version; requests other than OPTIONS must too. */
  private void tusHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Tus-Resumable", VERSION).putHeader("Cache-Control", "no-store");
    String version = ctx.request().getHeader("Tus-Resumable");
    if (ctx.request().method() != io.vertx.core.http.HttpMethod.OPTIONS && !VERSION.equals(version)) {
      ctx.response().setStatusCode(412).putHeader("Tus-Version", VERSION).end();
      return;
    }
    ctx.next();
  }

  private static HttpServerResponse describe(HttpServerResponse response, Upload upload) {
    response.putHeader("Upload-Offset", Long.toString(upload.offset()))
        .putHeader("Upload-Length", Long.toString(upload.length()))
        .putHeader("Upload-Expires", httpDate(upload));
    if (upload.contributionId() != null) {
      response.putHeader("Contribution-Id", upload.contributionId())
          .putHeader("Contribution-Number", upload.number());
    }
    return response;
  }

  private static String httpDate(Upload upload) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(upload.expiresAt().atOffset(ZoneOffset.UTC));
  }

  private static long longHeader(RoutingContext ctx, String name) {
    String value = ctx.request().getHeader(name);
    try {
      long parsed = Long.parseLong(value == null ? "" : value.strip());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw InvalidInputException.of(name, "must be a non-negative whole number");
  }
}
