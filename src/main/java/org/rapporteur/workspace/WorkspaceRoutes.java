package org.rapporteur.workspace;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;

public final class WorkspaceRoutes implements RouteModule {
  private final WorkspaceService workspaces;

  public WorkspaceRoutes(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/groups").respond(ctx -> workspaces.listGroups(Actors.of(ctx), filter(ctx))
        .map(list -> items(list, Group::toJson)));
    Responses.created(router.post("/api/groups"), ctx -> workspaces
        .createGroup(Actors.of(ctx), NewGroup.from(JsonInput.from(ctx))).map(Group::toJson));
    router.get("/api/groups/:id").respond(ctx -> workspaces.workspace(Actors.of(ctx), id(ctx)).map(Workspace::toJson));
    router.patch("/api/groups/:id").respond(ctx -> workspaces
        .updateGroup(Actors.of(ctx), id(ctx), GroupChanges.from(JsonInput.from(ctx))).map(Group::toJson));

    router.get("/api/groups/:id/questions").respond(ctx -> workspaces.questions(Actors.of(ctx), id(ctx))
        .map(list -> items(list, Question::toJson)));
    Responses.created(router.post("/api/groups/:id/questions"), ctx -> workspaces
        .addQuestion(Actors.of(ctx), id(ctx), Question.Draft.from(JsonInput.from(ctx))).map(Question::toJson));
    Responses.noContent(router.delete("/api/groups/:id/questions/:questionId"), ctx -> workspaces
        .removeQuestion(Actors.of(ctx), id(ctx), ctx.pathParam("questionId")));

    router.get("/api/groups/:id/members").respond(ctx -> workspaces.workspace(Actors.of(ctx), id(ctx))
        .map(ws -> new JsonObject().put("items",
            new JsonArray(ws.members().stream().map(m -> m.toJson(ws.access().canManage())).toList()))));
    Responses.created(router.post("/api/groups/:id/members"), ctx -> workspaces
        .addMember(Actors.of(ctx), id(ctx), Membership.Addition.from(JsonInput.from(ctx))).map(m -> m.toJson(true)));
    router.put("/api/groups/:id/members/:userId").respond(ctx -> workspaces
        .changeRole(Actors.of(ctx), id(ctx), ctx.pathParam("userId"), Membership.readRole(JsonInput.from(ctx)))
        .map(m -> m.toJson(true)));
    Responses.noContent(router.delete("/api/groups/:id/members/:userId"), ctx -> workspaces
        .removeMember(Actors.of(ctx), id(ctx), ctx.pathParam("userId")));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  private static GroupFilter filter(RoutingContext ctx) {
    return new GroupFilter(
        QueryParams.optionalChoice(ctx, "sector", Sector.class),
        QueryParams.optionalChoice(ctx, "region", Region.class),
        QueryParams.optionalChoice(ctx, "kind", GroupKind.class),
        QueryParams.optionalString(ctx, "q", 100));
  }

  static <T> JsonObject items(List<T> list, Function<T, JsonObject> toJson) {
    return new JsonObject().put("items", new JsonArray(list.stream().map(toJson).toList()));
  }
}
