package org.rapporteur.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.DomainException;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.TooManyRequestsException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns a failure into an RFC 9457 problem+json answer. */
public final class ProblemHandler implements Handler<RoutingContext> {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject problem = toProblem(ctx);
    Throwable failure = ctx.failure();
    if (failure instanceof TooManyRequestsException tooMany) {
      ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
    }
    ctx.response()
        .setStatusCode(problem.getInteger("status"))
        .putHeader("Content-Type", PROBLEM_JSON)
        .putHeader("Cache-Control", "no-store")
        .end(problem.encode());
  }

  private static JsonObject toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof DomainException domain) {
      String type = domain instanceof ConflictException conflict && conflict.type() != null ? conflict.type()
          : domain.kind().type;
      JsonObject problem = problem(ctx, domain.kind().status, type, domain.kind().title,
          domain.getMessage(), fieldErrors(domain));
      return domain instanceof ConflictException conflict ? conflict.extensions().copy().mergeIn(problem) : problem;
    }
    if (failure instanceof DecodeException) {
      return problem(ctx, 400, "invalid-input", "The request is not valid", "The body is not well-formed JSON",
          List.of(new FieldError("body", "is not well-formed JSON")));
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      return problem(ctx, 413, "too-large", "Content too large",
          "The body is larger than this endpoint accepts", List.of(new FieldError("body", "is too large")));
    }
    if (status == 404) {
      return problem(ctx, 404, "not-found", "Not found", "No such path", List.of());
    }
    if (status == 405) {
      return problem(ctx, 405, "method-not-allowed", "Method not allowed",
          ctx.request().method() + " is not allowed on this path", List.of());
    }
    if (status >= 400 && status < 500) {
      return problem(ctx, status, "http-" + status, ctx.response().setStatusCode(status).getStatusMessage(),
          failure != null && failure.getMessage() != null ? failure.getMessage() : null, List.of());
    }
    log.error("Unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    return problem(ctx, 500, "internal", "Internal server error",
        "Something went wrong on the server; nothing was changed by this request unless it said so", List.of());
  }

  private static List<FieldError> fieldErrors(DomainException domain) {
    if (domain instanceof InvalidInputException invalid) {
      return invalid.errors();
    }
    if (domain instanceof ConflictException conflict) {
      return conflict.errors();
    }
    if (domain instanceof UnprocessableException unprocessable) {
      return unprocessable.errors();
    }
    return List.of();
  }

  /** The request's id as a URN, which its log lines carry too; the path when there is none. */
  private static String instance(RoutingContext ctx) {
    String requestId = RequestIds.of(ctx);
    return requestId != null ? "urn:request:" + requestId : ctx.request().path();
  }

  static JsonObject problem(RoutingContext ctx, int status, String type, String title, String detail,
      List<FieldError> errors) {
    JsonObject json = new JsonObject()
        .put("type", "/problems/" + type)
        .put("title", title)
        .put("status", status)
        .put("instance", instance(ctx));
    if (detail != null) {
      json.put("detail", detail);
    }
    if (!errors.isEmpty()) {
      json.put("errors", new JsonArray(errors.stream().map(FieldError::toJson).toList()));
    }
    return json;
  }
}
