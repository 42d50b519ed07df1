package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapporteur.account.Actor;
import org.rapporteur.account.Actors;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Accepts realtime connections (WebSocket, or SSE as the fallback), keeps them alive with
 * heartbeats, and closes them when the server stops. Rooms fan out through the event bus, so any
 * number of server processes can serve the same room.
 */
public final class RealtimeGateway {
  private final Vertx vertx;
  private final ChatService chat;
  private final String allowedOrigin;
  private final RoomFeeds feeds;
  private final RoomPresence presence;
  /**
   * Each connection with the second of the ping interval in which it gets its heartbeat: a room of
   * thousands is then pinged a slice at a time, not in one burst that holds up its messages.
   */
  private final Map<Heartbeat, Integer> connections = new ConcurrentHashMap<>();
  private final AtomicInteger nextSlot = new AtomicInteger();
  private long tick;
  private final long sweepTimer;
  private final MessageConsumer<JsonObject> accessChanges;

  public RealtimeGateway(Vertx vertx, ChatService chat, String allowedOrigin) {
    this.vertx = vertx;
    this.chat = chat;
    this.allowedOrigin = allowedOrigin;
    this.presence = new RoomPresence(vertx, chat.presenceStore());
    this.feeds = new RoomFeeds(vertx, chat.log(), presence);
    this.sweepTimer = vertx.setPeriodic(1000, id -> sweep());
    this.accessChanges = vertx.eventBus().consumer(WorkspaceService.ACCESS_CHANGED, message -> {
      RoomName room = RoomName.of("group", message.body().getString("groupId"));
      String userId = message.body().getString("userId");
      connections.keySet().forEach(connection -> connection.accessChanged(room, userId));
    });
  }

  /** {@code GET /api/realtime}: checks the Origin and the session before upgrading. */
  void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (!allowedOrigin.equals(origin)) {
      throw new ForbiddenException("Realtime connections are accepted only from " + allowedOrigin);
    }
    Actor actor = Actors.of(ctx);
    if (!actor.signedIn()) {
      throw new UnauthenticatedException("Sign in before opening the realtime connection");
    }
    if (!ctx.request().canUpgradeToWebSocket()) {
      throw InvalidInputException.of("Upgrade", "open a WebSocket here, or use /api/realtime/sse");
    }
    ChannelWriter writer = ChannelWriter.of(ctx.request().connection());
    ctx.request().toWebSocket().onSuccess(ws -> {
      WebSocketConnection[] self = new WebSocketConnection[1];
      self[0] = new WebSocketConnection(vertx, ws, writer, actor, chat, feeds, () -> connections.remove(self[0]));
      add(self[0]);
      self[0].start();
    }).onFailure(ctx::fail);
  }

  /** {@code GET /api/realtime/sse?room=&since=}: one room as an event stream. */
  void stream(RoutingContext ctx, Actor actor, RoomName room, Long since) {
    chat.readAccess(actor, room).onSuccess(access -> {
      SseStream[] self = new SseStream[1];
      self[0] = new SseStream(vertx, ctx.response(), actor, room, chat, feeds, () -> connections.remove(self[0]));
      add(self[0]);
      self[0].start(since).onFailure(e -> self[0].shutdown());
    }).onFailure(ctx::fail);
  }

  public int connectionCount() {
    return connections.size();
  }

  private void add(Heartbeat connection) {
    connections.put(connection, Math.floorMod(nextSlot.getAndIncrement(), slots()));
  }

  private int slots() {
    return Math.max(1, chat.config().pingIntervalSeconds());
  }

  private void sweep() {
    long deadline = System.currentTimeMillis() - chat.config().idleTimeoutSeconds() * 1000L;
    long slot = tick++ % slots();
    connections.forEach((connection, its) -> {
      if (its == slot) {
        connection.beat(deadline);
      }
    });
  }

  /** Closes every connection; completes once this process's presence lists are removed. */
  public Future<Void> stop() {
    vertx.cancelTimer(sweepTimer);
    accessChanges.unregister();
    for (Heartbeat connection : connections.keySet()) {
      connection.shutdown();
    }
    connections.clear();
    feeds.closeAll();
    return presence.stop();
  }
}
