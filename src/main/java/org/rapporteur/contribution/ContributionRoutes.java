package org.rapporteur.contribution;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnsupportedMediaTypeException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;

public final class ContributionRoutes implements RouteModule {
  private static final long FORM_FIELDS_ALLOWANCE = 256 * 1024;

  private final ContributionService contributions;
  private final Path uploadsDir;
  private final int lightViewPartChars;

  public ContributionRoutes(ContributionService contributions, Path uploadsDir, int lightViewPartChars) {
    this.lightViewPartChars = lightViewPartChars;
    this.contributions = contributions;
    this.uploadsDir = uploadsDir;
  }

  @Override
  public void mount(Router router) {
    BodyHandler multipart = BodyHandler.create(uploadsDir.resolve("multipart").toString())
        .setBodyLimit(contributions.config().maxFileBytes() + FORM_FIELDS_ALLOWANCE)
        .setMergeFormAttributes(false)
        .setDeleteUploadedFilesOnEnd(true);
    String upload = "/api/groups/:id/contributions";
    router.post(upload).handler(this::requireMultipartUploader);
    router.post(upload).handler(multipart);
    Responses.created(router.post(upload), ctx -> contributions
        .submit(Actors.of(ctx), ctx.pathParam("id"), ContributionDraft.fromForm(ctx.request().formAttributes()),
            staged(ctx))
        .map(Contribution::toJson));
    router.get("/api/groups/:id/contributions").respond(ctx -> contributions.list(Actors.of(ctx), ctx.pathParam("id"),
            QueryParams.optionalChoice(ctx, "status", ContributionStatus.class),
            QueryParams.optionalString(ctx, "question", 10),
            QueryParams.intParam(ctx, "skip", 0, 0, 100_000), QueryParams.intParam(ctx, "limit", 50, 1, 200))
        .map(list -> new JsonObject().put("items", new JsonArray(list.stream().map(Contribution::toJson).toList()))));
    router.get("/api/contributions/:id").respond(ctx -> contributions.find(Actors.of(ctx), ctx.pathParam("id"))
        .map(Contribution::toJson));
    router.patch("/api/contributions/:id").respond(ctx -> contributions.changeStatus(Actors.of(ctx),
        ctx.pathParam("id"), readStatus(JsonInput.from(ctx))).map(Contribution::toJson));
    router.get("/api/contributions/:id/file").handler(ctx -> contributions
        .download(Actors.of(ctx), ctx.pathParam("id"), rev(ctx))
        .onSuccess(download -> send(ctx, download))
        .onFailure(ctx::fail));
    // ?part=n: one part of a long light view (the first screen first); X-Light-View-Parts says how many there are.
    router.get("/api/contributions/:id/text").handler(ctx -> {
      Integer part = ctx.queryParams().contains("part") ? QueryParams.intParam(ctx, "part", 0, 0, 100_000) : null;
      contributions.lightView(Actors.of(ctx), ctx.pathParam("id"), rev(ctx))
          .onSuccess(view -> sendLightView(ctx, view, part))
          .onFailure(ctx::fail);
    });
    // The size of the light view without the light view: a reader on a metered link decides before saving it.
    router.head("/api/contributions/:id/text").handler(ctx -> contributions
        .lightView(Actors.of(ctx), ctx.pathParam("id"), rev(ctx))
        .onSuccess(view -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
            .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(view.toHtml().getBytes(StandardCharsets.UTF_8).length))
            .end())
        .onFailure(ctx::fail));
    router.get("/api/contributions/:id/diff").respond(ctx -> contributions.diff(Actors.of(ctx), ctx.pathParam("id"),
            QueryParams.intParam(ctx, "from", 0, 0, 10_000), QueryParams.intParam(ctx, "to", 1, 0, 10_000))
        .map(lines -> new JsonObject().put("lines", LineDiff.toJson(lines))));
  }

  private void sendLightView(RoutingContext ctx, LightView view, Integer part) {
    List<String> parts = part == null ? List.of(view.toHtml()) : view.parts(lightViewPartChars);
    if (part != null && part >= parts.size()) {
      ctx.fail(InvalidInputException.of("part", "must be below " + parts.size()));
      return;
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
        .putHeader("Content-Language", String.valueOf(view.revision().extraction().language()))
        .putHeader("X-Light-View-Parts", String.valueOf(parts.size()))
        .end(parts.get(part == null ? 0 : part));
  }

  private void requireMultipartUploader(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
      ctx.fail(new UnsupportedMediaTypeException("Send the file as multipart/form-data with a 'file' part"));
      return;
    }
    contributions.requireUploader(Actors.of(ctx), ctx.pathParam("id"))
        .onSuccess(access -> ctx.next())
        .onFailure(ctx::fail);
  }

  private static StagedFile staged(RoutingContext ctx) {
    List<FileUpload> parts = ctx.fileUploads().stream().filter(f -> f.name().equals("file")).toList();
    if (parts.size() != 1) {
      throw InvalidInputException.of("file", parts.isEmpty() ? "is required" : "must be sent once");
    }
    FileUpload part = parts.get(0);
    return new StagedFile(Path.of(part.uploadedFileName()), part.size(), part.fileName(), part.contentType());
  }

  private static ContributionStatus readStatus(JsonInput in) {
    ContributionStatus status = in.requiredChoice("status", ContributionStatus.class);
    in.done();
    return status;
  }

  private static Integer rev(RoutingContext ctx) {
    return ctx.queryParams().contains("rev") ? QueryParams.intParam(ctx, "rev", 0, 0, 10_000) : null;
  }

  /** Sends the file, or the one byte range asked for (206), or 416 when no byte of it exists. */
  private static void send(RoutingContext ctx, ContributionService.Download download) {
    Revision revision = download.revision();
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, revision.contentType())
        .putHeader("Content-Disposition", FileNames.contentDisposition(revision.filename()))
        .putHeader(HttpHeaders.ACCEPT_RANGES, "bytes")
        .putHeader(HttpHeaders.ETAG, "\"" + revision.sha256() + "\"")
        .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    ByteRange range;
    try {
      range = ByteRange.parse(ctx.request().getHeader("Range"), revision.size());
    } catch (ByteRange.Unsatisfiable e) {
      response.setStatusCode(416).putHeader("Content-Range", "bytes */" + revision.size()).end();
      return;
    }
    ByteRange sent = range != null ? range : new ByteRange(0, revision.size() - 1);
    if (range != null) {
      response.setStatusCode(206)
          .putHeader("Content-Range", "bytes " + sent.start() + "-" + sent.end() + "/" + revision.size());
    }
    response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(sent.length()));
    stream(download.body(), response, sent);
  }

  private static void stream(ReadStream<Buffer> body, HttpServerResponse response, ByteRange range) {
    long[] position = {0};
    body.handler(buffer -> {
      long from = position[0];
      position[0] += buffer.length();
      if (position[0] <= range.start() || from > range.end() || response.closed()) {
        return;
      }
      int sliceStart = (int) Math.max(0, range.start() - from);
      int sliceEnd = (int) Math.min(buffer.length(), range.end() + 1 - from);
      response.write(buffer.slice(sliceStart, sliceEnd));
      if (response.writeQueueFull()) {
        body.pause();
        response.drainHandler(v -> body.resume());
      }
    });
    body.exceptionHandler(e -> response.reset());
    body.endHandler(v -> response.end());
  }
}
