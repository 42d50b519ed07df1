package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.SeqParam;

/**
 * Chat's endpoints on rooms: history, heads and read marks, search, transcript, pins and mutes. The
 * WebSocket, the SSE + POST fallback and presence are realtime's ({@code RealtimeRoutes}).
 */
public final class ChatRoutes implements RouteModule {
  /** Rooms one heads request may ask about: a page of groups. */
  static final int MAX_HEADS = 50;

  private final ChatService chat;

  public ChatRoutes(ChatService chat) {
    this.chat = chat;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/rooms/heads").respond(this::heads);
    router.get("/api/rooms/:room/events").respond(this::history);
    router.get("/api/rooms/:room/transcript.csv").handler(this::transcript);
    router.get("/api/rooms/:room/search").respond(this::search);
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

  private Future<JsonObject> history(RoutingContext ctx) {
    RoomName room = room(ctx);
    String before = QueryParams.optionalString(ctx, "before", 19);
    int limit = QueryParams.intParam(ctx, "limit", 50, 1, chat.config().historyMaxLimit());
    return chat.history(Actors.of(ctx), room, before == null ? null : SeqParam.parse(before, "before"), limit)
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
    return chat.search(Actors.of(ctx), room, query, before == null ? null : SeqParam.parse(before, "before"), limit)
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
}
