package org.rapporteur.liaison;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.radar.RadarMatch;

public final class LiaisonRoutes implements RouteModule {
  private final LiaisonService liaisons;
  private final NotificationService notifications;

  public LiaisonRoutes(LiaisonService liaisons, NotificationService notifications) {
    this.liaisons = liaisons;
    this.notifications = notifications;
  }

  enum Box implements WireEnum {
    INBOX, OUTBOX;

    @Override
    public String wire() {
      return name().toLowerCase();
    }
  }

  @Override
  public void mount(Router router) {
    router.get("/api/liaisons").respond(ctx -> liaisons.recent(Actors.of(ctx), QueryParams.intParam(ctx, "limit", 50, 1,
        200)).map(list -> items(list, null)));
    Responses.created(router.post("/api/liaisons"), ctx -> liaisons
        .create(Actors.of(ctx), LiaisonDraft.create(JsonInput.from(ctx))).map(LiaisonRoutes::json));
    router.get("/api/liaisons/:id").respond(ctx -> liaisons.view(Actors.of(ctx), id(ctx)).map(LiaisonView::toJson));
    router.patch("/api/liaisons/:id").respond(ctx -> liaisons
        .update(Actors.of(ctx), id(ctx), LiaisonDraft.change(JsonInput.from(ctx))).map(LiaisonRoutes::json));
    router.post("/api/liaisons/:id/approve").respond(ctx -> liaisons.approve(Actors.of(ctx), id(ctx))
        .map(LiaisonRoutes::json));
    router.post("/api/liaisons/:id/send").respond(ctx -> liaisons.send(Actors.of(ctx), id(ctx))
        .map(LiaisonRoutes::json));
    router.post("/api/liaisons/:id/take-up").respond(ctx -> liaisons
        .takeUp(Actors.of(ctx), id(ctx), groupId(ctx)).map(LiaisonRoutes::json));
    Responses.created(router.post("/api/liaisons/:id/reply"), ctx -> liaisons
        .draftReply(Actors.of(ctx), id(ctx), groupId(ctx)).map(LiaisonRoutes::json));
    router.post("/api/liaisons/:id/close").respond(ctx -> liaisons
        .close(Actors.of(ctx), id(ctx), groupId(ctx)).map(LiaisonRoutes::json));
    router.post("/api/liaisons/:id/links").respond(ctx -> liaisons
        .addLink(Actors.of(ctx), id(ctx), link(JsonInput.from(ctx))).map(LiaisonRoutes::json));
    router.get("/api/liaisons/:id/radar").respond(ctx -> liaisons
        .radar(Actors.of(ctx), id(ctx), QueryParams.intParam(ctx, "limit", 10, 1, 50))
        .map(list -> new JsonObject().put("items", new JsonArray(list.stream().map(RadarMatch::toJson).toList()))));

    router.get("/api/groups/:id/liaisons").respond(ctx -> {
      Box box = QueryParams.optionalChoice(ctx, "box", Box.class);
      String groupId = id(ctx);
      return liaisons.box(Actors.of(ctx), groupId, box != Box.OUTBOX)
          .map(list -> items(list, box == Box.OUTBOX ? null : groupId));
    });
    router.get("/api/groups/:id/liaisons/overdue").respond(ctx -> liaisons.overdue(Actors.of(ctx), id(ctx))
        .map(list -> items(list, id(ctx))));

    router.get("/api/notifications").respond(ctx -> notifications.list(Actors.of(ctx),
            "true".equals(ctx.queryParams().get("unread")), QueryParams.intParam(ctx, "limit", 50, 1, 200))
        .map(list -> new JsonObject().put("items", new JsonArray(list.stream().map(Notification::toJson).toList()))));
    Responses.noContent(router.post("/api/notifications/read-all"), ctx -> notifications.markAllRead(Actors.of(ctx)));
    Responses.noContent(router.post("/api/notifications/:id/read"), ctx -> notifications
        .markRead(Actors.of(ctx), ctx.pathParam("id")));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  /** The addressed group acting, from an optional body {@code {"groupId": ...}}. */
  private static String groupId(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return null;
    }
    JsonInput in = JsonInput.from(ctx);
    String groupId = in.optionalString("groupId", 24);
    if (groupId != null && !Ids.isValid(groupId)) {
      in.fail("groupId", "must be an id of 24 hexadecimal digits");
    }
    in.done();
    return groupId;
  }

  private static Liaison.Link link(JsonInput in) {
    LinkType type = in.requiredChoice("type", LinkType.class);
    String liaisonId = in.requiredString("liaisonId", 24);
    if (liaisonId != null && !Ids.isValid(liaisonId)) {
      in.fail("liaisonId", "must be an id of 24 hexadecimal digits");
    }
    in.done();
    return new Liaison.Link(type, liaisonId);
  }

  private static JsonObject json(Liaison l) {
    return l.toJson(Instant.now());
  }

  /** A list; in a group's inbox each item also carries {@code boxState}, its state in that group. */
  private static JsonObject items(List<Liaison> list, String inboxOf) {
    Instant now = Instant.now();
    Function<Liaison, JsonObject> toJson = l -> {
      JsonObject json = l.toJson(now);
      if (inboxOf != null) {
        l.deliveryTo(inboxOf).ifPresent(d -> json.put("boxState", d.state().wire()).put("copy", d.copy()));
      }
      return json;
    };
    return new JsonObject().put("items", new JsonArray(list.stream().map(toJson).toList()));
  }
}
