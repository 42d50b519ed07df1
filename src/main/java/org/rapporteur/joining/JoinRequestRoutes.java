package org.rapporteur.joining;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.security.Actors;

public final class JoinRequestRoutes implements RouteModule {
  private final JoinRequestService requests;

  JoinRequestRoutes(JoinRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void mount(Router router) {
    Responses.created(router.post("/api/groups/:id/join-requests"), ctx -> {
      Actors.of(ctx).requireSignedIn();
      return requests.ask(Actors.of(ctx), ctx.pathParam("id"), message(JsonInput.from(ctx))).map(r -> r.toJson(false));
    });
    router.get("/api/groups/:id/join-requests").respond(ctx -> requests.pending(Actors.of(ctx), ctx.pathParam("id"))
        .map(list -> new JsonObject().put("items", new JsonArray(list.stream().map(r -> r.toJson(true)).toList()))));
    router.get("/api/groups/:id/join-requests/mine").respond(ctx -> requests.mine(Actors.of(ctx), ctx.pathParam("id"))
        .map(found -> new JsonObject().put("request", found.map(r -> r.toJson(false)).orElse(null))));
    router.post("/api/groups/:id/join-requests/:requestId/accept").respond(ctx -> requests
        .decide(Actors.of(ctx), ctx.pathParam("id"), ctx.pathParam("requestId"), true).map(r -> r.toJson(true)));
    router.post("/api/groups/:id/join-requests/:requestId/decline").respond(ctx -> requests
        .decide(Actors.of(ctx), ctx.pathParam("id"), ctx.pathParam("requestId"), false).map(r -> r.toJson(true)));
  }

  /** An optional word to those who decide; an empty body is as good as none. */
  private static String message(JsonInput in) {
    String message = in.optionalString("message", 1000);
    in.done();
    return message;
  }
}
