package org.rapporteur.realtime.transport;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.platform.errors.UnsupportedMediaTypeException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.realtime.room.RoomCommand;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;
import org.rapporteur.realtime.room.SeqParam;

/**
 * The realtime endpoints: the WebSocket, the SSE stream with one POST per client command as its
 * fallback, and who has a room open. A POSTed command runs exactly as the same frame on the WebSocket.
 */
public final class RealtimeRoutes<P> implements RouteModule {
  /** Names one presence answer lists (the count is always whole): more than a room of hundreds needs. */
  static final int MAX_PRESENCE_LISTED = 1_000;

  private final RealtimeGateway<P> gateway;
  private final Rooms<P> rooms;

  public RealtimeRoutes(RealtimeGateway<P> gateway, Rooms<P> rooms) {
    this.gateway = gateway;
    this.rooms = rooms;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/realtime").handler(gateway::upgrade);
    router.get("/api/realtime/sse").handler(this::stream);
    for (String type : rooms.commandTypes()) {
      RoomCommand<P, ?> command = rooms.command(type).orElseThrow();
      router.post("/api/realtime/" + type).respond(ctx -> write(ctx, command));
    }
    router.get("/api/rooms/:room/presence").respond(ctx -> {
      RoomName room = RoomName.parse(ctx.pathParam("room"), "room");
      return gateway.presence(rooms.callers().of(ctx), room).map(people -> new JsonObject()
          .put("room", room.toString())
          .put("count", people.size())
          .put("items", new JsonArray(people.stream().limit(MAX_PRESENCE_LISTED).map(PresenceStore.Member::toJson)
              .toList())));
    });
  }

  /** Anonymous visitors too, like the WebSocket: they read what anyone may read. */
  private void stream(RoutingContext ctx) {
    P caller = rooms.callers().of(ctx);
    RoomName room = RoomName.parse(QueryParams.optionalString(ctx, "room", 64), "room");
    String lastEventId = ctx.request().getHeader("Last-Event-ID");
    Long since = lastEventId != null && !lastEventId.isBlank()
        ? SeqParam.parse(lastEventId, "Last-Event-ID")
        : SeqParam.parse(QueryParams.optionalString(ctx, "since", 19), "since");
    gateway.stream(ctx, caller, room, since);
  }

  private <C> Future<JsonObject> write(RoutingContext ctx, RoomCommand<P, C> command) {
    P caller = signedIn(ctx);
    C parsed = command.parse(jsonBody(ctx));
    return rooms.run(caller, command, parsed).map(Frames::ack);
  }

  private P signedIn(RoutingContext ctx) {
    P caller = rooms.callers().of(ctx);
    if (rooms.callers().userId(caller) == null) {
      throw new UnauthenticatedException("Sign in first");
    }
    return caller;
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().split(";")[0].trim().equals("application/json")) {
      throw new UnsupportedMediaTypeException("Send the body as application/json");
    }
    try {
      if (ctx.body() != null && ctx.body().length() > 0 && Json.decodeValue(ctx.body().buffer()) instanceof JsonObject o) {
        return o;
      }
    } catch (DecodeException e) {
      // falls through to the error below
    }
    throw InvalidInputException.of("body", "must be one JSON object");
  }
}
