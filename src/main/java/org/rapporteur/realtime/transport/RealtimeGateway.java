package org.rapporteur.realtime.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;

/**
 * Accepts realtime connections (WebSocket, or SSE as the fallback), keeps them alive with
 * heartbeats, and closes them when the server stops. Rooms fan out through the event bus, so any
 * number of server processes can serve the same room.
 */
public final class RealtimeGateway<P> {
  private final Vertx vertx;
  private final Rooms<P> rooms;
  private final RealtimeConfig config;
  private final PresenceStore presenceStore;
  private final Supplier<String> allowedOrigin;
  private final RoomFeeds feeds;
  private final RoomPresence presence;
  private final ReplayTurns replayTurns;
  /**
   * Each connection with the second of the ping interval in which it gets its heartbeat: a room of
   * thousands is then pinged a slice at a time, not in one burst that holds up its messages.
   */
  private final Map<Heartbeat, Integer> connections = new ConcurrentHashMap<>();
  private final AtomicInteger nextSlot = new AtomicInteger();
  private long tick;
  private volatile DeliveryObserver deliveries = DeliveryObserver.NONE;
  private final long sweepTimer;

  /** {@code allowedOrigin}: the one origin browsers may connect from, known once the server is bound. */
  public RealtimeGateway(Vertx vertx, Rooms<P> rooms, RealtimeConfig config, PresenceStore presenceStore,
      Supplier<String> allowedOrigin) {
    this.vertx = vertx;
    this.rooms = rooms;
    this.config = config;
    this.presenceStore = presenceStore;
    this.allowedOrigin = allowedOrigin;
    this.presence = new RoomPresence(vertx, presenceStore);
    this.feeds = new RoomFeeds(vertx, rooms.log(), presence, () -> deliveries);
    this.replayTurns = new ReplayTurns(config.maxConcurrentReplays());
    this.sweepTimer = vertx.setPeriodic(1000, id -> sweep());
    rooms.onAccessChanged(change -> connections.keySet().forEach(connection -> connection.accessChanged(change)));
  }

  public Future<Void> start() {
    return presenceStore.createIndexes();
  }

  /**
   * {@code GET /api/realtime}: checks the Origin before upgrading. Anonymous visitors may connect too:
   * they follow the rooms the policies let anyone read (a public group's meetings), send nothing, and
   * are never listed as present.
   */
  void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (!allowedOrigin.get().equals(origin)) {
      throw new ForbiddenException("Realtime connections are accepted only from " + allowedOrigin.get());
    }
    P caller = rooms.callers().of(ctx);
    if (!ctx.request().canUpgradeToWebSocket()) {
      throw InvalidInputException.of("Upgrade", "open a WebSocket here, or use /api/realtime/sse");
    }
    ChannelWriter writer = ChannelWriter.of(ctx.request().connection()).pauseBelow(config.sendQueueBytes());
    ctx.request().toWebSocket().onSuccess(ws -> {
      List<WebSocketConnection<P>> self = new ArrayList<>(1);
      self.add(new WebSocketConnection<>(vertx, ws, writer, caller, rooms, config, feeds,
          replayTurns, () -> connections.remove(self.get(0))));
      add(self.get(0));
      self.get(0).start();
    }).onFailure(ctx::fail);
  }

  /** {@code GET /api/realtime/sse?room=&since=}: one room as an event stream. */
  void stream(RoutingContext ctx, P caller, RoomName room, Long since) {
    rooms.readAccess(caller, room).onSuccess(access -> {
      List<SseStream<P>> self = new ArrayList<>(1);
      self.add(new SseStream<>(vertx, ctx.response(), caller, room, rooms, config, feeds,
          replayTurns, () -> connections.remove(self.get(0))));
      add(self.get(0));
      self.get(0).start(since).onFailure(e -> self.get(0).shutdown());
    }).onFailure(ctx::fail);
  }

  /** Who has the room open now, on any server process (lists refreshed every few seconds); readers of the room only. */
  Future<List<PresenceStore.Member>> presence(P caller, RoomName room) {
    return rooms.readAccess(caller, room).compose(access -> presenceStore.list(room.toString()));
  }

  /** Who is told of each hand-out of stored events (the metrics); feeds opened from now on use it. */
  public void observeDeliveries(DeliveryObserver observer) {
    this.deliveries = observer;
  }

  /** Open connections by transport: {@code websocket} and {@code sse}. */
  public Map<String, Integer> connectionsByTransport() {
    int sse = 0;
    for (Heartbeat connection : connections.keySet()) {
      if (connection instanceof SseStream<?>) {
        sse++;
      }
    }
    int all = connections.size();
    return Map.of("websocket", Math.max(0, all - sse), "sse", sse);
  }

  public int connectionCount() {
    return connections.size();
  }

  /** How busy the transport is: for operators and for the tests that hold its bounds. */
  public record Load(int connections, long queuedBytes, int replaysRunning, int replaysWaiting, int replaysPeak) {}

  public Load load() {
    long queued = 0;
    for (Heartbeat connection : connections.keySet()) {
      queued += connection.queuedBytes();
    }
    ReplayTurns.Stats replays = replayTurns.stats();
    return new Load(connections.size(), queued, replays.running(), replays.waiting(), replays.peak());
  }

  private void add(Heartbeat connection) {
    connections.put(connection, Math.floorMod(nextSlot.getAndIncrement(), slots()));
  }

  private int slots() {
    return Math.max(1, config.pingIntervalSeconds());
  }

  private void sweep() {
    long deadline = System.currentTimeMillis() - config.idleTimeoutSeconds() * 1000L;
    long slot = tick++ % slots();
    connections.forEach((connection, its) -> {
      if (its == slot) {
        connection.beat(deadline);
      }
    });
  }

  /**
   * Tells every client to reconnect (WebSocket close 1012, a short SSE retry) as this process restarts;
   * they resume from their last sequence number with whichever process answers.
   */
  public void restartClients() {
    for (Heartbeat connection : connections.keySet()) {
      connection.restart();
    }
  }

  /** Closes every connection; completes once this process's presence lists are removed. */
  public Future<Void> stop() {
    vertx.cancelTimer(sweepTimer);
    for (Heartbeat connection : connections.keySet()) {
      connection.shutdown();
    }
    connections.clear();
    feeds.closeAll();
    return presence.stop();
  }
}
