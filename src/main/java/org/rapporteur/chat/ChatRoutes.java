package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.rapporteur.account.Actor;
import org.rapporteur.account.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnsupportedMediaTypeException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;

/** The realtime endpoints: the WebSocket, the SSE + POST fallback, room history and moderation. */
public final class ChatRoutes implements RouteModule {
  /** Rooms one heads request may ask about: a page of groups. */
  static final int MAX_HEADS = 50;
  /** Names one presence answer lists (the count is always whole): more than a room of hundreds needs. */
  static final int MAX_PRESENCE_LISTED = 1_000;

  private final ChatService chat;
  private final RealtimeGateway gateway;

  public ChatRoutes(ChatService chat, RealtimeGateway gateway) {
    this.chat = chat;
    this.gateway = gateway;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/realtime").handler(gateway::upgrade);
    router.get("/api/realtime/sse").handler(this::stream);
    router.post("/api/realtime/send").respond(ctx -> write(ctx, SendCommand::from, SendCommand::room,
        (actor, access, c) -> chat.send(actor, access, c)));
    router.post("/api/realtime/edit").respond(ctx -> write(ctx, EditCommand::from, EditCommand::room,
        (actor, access, c) -> chat.edit(actor, access, c)));
    router.post("/api/realtime/delete").respond(ctx -> write(ctx, DeleteCommand::from, DeleteCommand::room,
        (actor, access, c) -> chat.delete(actor, access, c)));
    router.get("/api/rooms/heads").respond(this::heads);
    router.get("/api/rooms/:room/events").respond(this::history);
    router.get("/api/rooms/:room/transcript.csv").handler(this::transcript);
    router.get("/api/rooms/:room/search").respond(this::search);
    router.get("/api/rooms/:room/presence").respond(ctx -> {
      RoomName room = room(ctx);
      return chat.presence(Actors.of(ctx), room).map(people -> new JsonObject().put("room", room.toString())
          .put("count", people.size())
          .put("items", new JsonArray(people.stream().limit(MAX_PRESENCE_LISTED).map(PresenceStore.Member::toJson).toList())));
    });
    router.put("/api/rooms/:room/read").respond(this::markRead);
    router.put("/api/rooms/:room/pin").respond(this::pin);
    Responses.noContent(router.delete("/api/rooms/:room/pin"), ctx -> chat.unpin(Actors.of(ctx), room(ctx)));
    router.get("/api/rooms/:room/mutes").respond(ctx -> chat.mutes(Actors.of(ctx), room(ctx))
        .map(list -> new JsonObject().put("items", new JsonArray(list.stream().map(MuteStore.Mute::toJson).toList()))));
    Responses.noContent(router.put("/api/rooms/:room/mutes/:userId"),
        ctx -> chat.mute(Actors.of(ctx), room(ctx), ctx.pathParam("userId"), true));
    Responses.noContent(router.delete("/api/rooms/:room/mutes/:userId"),
        ctx -> chat.mute(Actors.of(ctx), room(ctx), ctx.pathParam("userId"), false));
  }

  private void stream(RoutingContext ctx) {
    Actor actor = Actors.of(ctx).requireSignedIn();
    RoomName room = RoomName.parse(QueryParams.optionalString(ctx, "room", 64), "room");
    String lastEventId = ctx.request().getHeader("Last-Event-ID");
    Long since = lastEventId != null && !lastEventId.isBlank()
        ? parseSince(lastEventId, "Last-Event-ID")
        : parseSince(QueryParams.optionalString(ctx, "since", 19), "since");
    gateway.stream(ctx, actor, room, since);
  }

  private static Long parseSince(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      long since = Long.parseLong(value.strip());
      if (since >= 0) {
        return since;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw InvalidInputException.of(name, "must be a sequence number (0 or more)");
  }

  private interface Write<C> {
    Future<ChatEvent> apply(Actor actor, RoomAccess access, C command);
  }

  private <C> Future<JsonObject> write(RoutingContext ctx, Function<JsonObject, C> parse,
      Function<C, RoomName> room, Write<C> action) {
    Actor actor = Actors.of(ctx).requireSignedIn();
    C command = parse.apply(jsonBody(ctx));
    return chat.readAccess(actor, room.apply(command))
        .compose(access -> action.apply(actor, access, command))
        .map(Frames::ack);
  }

  private Future<JsonObject> history(RoutingContext ctx) {
    RoomName room = room(ctx);
    String before = QueryParams.optionalString(ctx, "before", 19);
    int limit = QueryParams.intParam(ctx, "limit", 50, 1, chat.config().historyMaxLimit());
    return chat.history(Actors.of(ctx), room, before == null ? null : parseSince(before, "before"), limit)
        .map(history -> new JsonObject()
            .put("room", room.toString())
            .put("head", history.head())
            .put("muted", history.muted())
            .put("read", history.read())
            .put("pinned", history.pinned().map(ChatEvent::frame).orElse(null))
            .put("items", new JsonArray(history.events().stream().map(ChatEvent::frame).toList())));
  }

  private void transcript(RoutingContext ctx) {
    RoomName room = room(ctx);
    chat.transcript(Actors.of(ctx), room).onSuccess(transcript -> {
      HttpServerResponse response = ctx.response().setChunked(true)
          .putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"chat-" + room.kind() + "-" + room.id() + ".csv\"");
      transcript.writeTo(response::write).onComplete(done -> {
        if (done.succeeded()) {
          response.end();
        } else {
          // Headers are gone: a cut-off download is the only honest way left to say it failed.
          response.reset();
        }
      });
    }).onFailure(ctx::fail);
  }

  /** {@code ?rooms=group:a,meeting:b}: each readable room's head, so a page can tell where something is new. */
  private Future<JsonObject> heads(RoutingContext ctx) {
    // The longest room name, meeting:<24 hex digits>, and its comma.
    String value = QueryParams.optionalString(ctx, "rooms", MAX_HEADS * ("meeting:".length() + 25));
    if (value == null) {
      throw InvalidInputException.of("rooms", "must list rooms such as group:<id>, separated by commas");
    }
    List<RoomName> rooms = Arrays.stream(value.split(",")).map(String::strip).filter(r -> !r.isEmpty()).distinct()
        .map(r -> RoomName.parse(r, "rooms")).toList();
    if (rooms.size() > MAX_HEADS) {
      throw InvalidInputException.of("rooms", "must list at most " + MAX_HEADS + " rooms");
    }
    return chat.heads(Actors.of(ctx), rooms).map(heads -> new JsonObject().put("items", new JsonArray(
        heads.stream().map(h -> new JsonObject().put("room", h.room().toString()).put("head", h.head()).put("read", h.read()))
            .toList())));
  }

  /** {@code {"seq": n}}: the reader was shown the room up to n (on this device); answers the mark as it stands. */
  private Future<JsonObject> markRead(RoutingContext ctx) {
    Actor actor = Actors.of(ctx).requireSignedIn();
    RoomName room = room(ctx);
    JsonInput in = JsonInput.from(ctx);
    Integer seq = in.optionalInt("seq", 0, Integer.MAX_VALUE);
    in.done();
    if (seq == null) {
      throw InvalidInputException.of("seq", "is required");
    }
    return chat.markRead(actor, room, seq)
        .map(mark -> new JsonObject().put("room", room.toString()).put("seq", mark));
  }

  /** {@code ?q=words&before=seq&limit=n}: "find in this chat". */
  private Future<JsonObject> search(RoutingContext ctx) {
    RoomName room = room(ctx);
    ChatSearch query = ChatSearch.parse(QueryParams.optionalString(ctx, "q", ChatSearch.MAX_CHARS));
    String before = QueryParams.optionalString(ctx, "before", 19);
    int limit = QueryParams.intParam(ctx, "limit", 20, 1, chat.config().historyMaxLimit());
    return chat.search(Actors.of(ctx), room, query, before == null ? null : parseSince(before, "before"), limit)
        .map(page -> new JsonObject()
            .put("room", room.toString())
            .put("next", page.next())
            .put("items", new JsonArray(page.messages().stream().map(ChatEvent::frame).toList())));
  }

  /** {@code {"target": n}}: pins message n at the top of the room (moderators). */
  private Future<JsonObject> pin(RoutingContext ctx) {
    Actor actor = Actors.of(ctx).requireSignedIn();
    RoomName room = room(ctx);
    JsonInput in = JsonInput.from(ctx);
    Long target = CommandInput.seq(in, "target", true);
    in.done();
    return chat.pin(actor, room, target).map(pinned -> new JsonObject().put("room", room.toString()).put("pinned", pinned));
  }

  /** The room named in the path; a malformed name is a 400 naming {@code room}. */
  private static RoomName room(RoutingContext ctx) {
    return RoomName.parse(ctx.pathParam("room"), "room");
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
