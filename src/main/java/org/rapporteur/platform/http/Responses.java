package org.rapporteur.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** The few answer shapes routes need beyond {@code Route.respond}. */
public final class Responses {
  private Responses() {}

  /** 201 with the created resource as JSON. */
  public static Route created(Route route, Function<RoutingContext, Future<JsonObject>> action) {
    return route.respond(ctx -> action.apply(ctx).onSuccess(json -> ctx.response().setStatusCode(201)));
  }

  /** 204 once the action completes. */
  public static Route noContent(Route route, Function<RoutingContext, Future<?>> action) {
    return route.handler(ctx -> action.apply(ctx)
        .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail));
  }
}
