package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.events.RoomEvents;

/**
 * The rooms of every feature: their gap-free logs, the policies that say who may do what in them,
 * and the commands clients send to them. Features register their kind of room and their commands
 * here; realtime itself knows none of them.
 *
 * <p>Access is looked up one way for the WebSocket, the SSE stream and HTTP: through the policies,
 * kept for a minute per caller and room (every message asks, and a policy reads the database), and
 * dropped at once when a feature announces a {@link RoomAccessChanged}. The minute covers a change
 * that nobody announces.
 */
public final class Rooms<P> {
  private static final long ACCESS_TTL_MILLIS = 60_000;
  private static final int MAX_ACCESS_ENTRIES = 100_000;

  private record Key<P>(P caller, RoomName room) {}

  private final Vertx vertx;
  private final RoomEventStore store;
  private final RoomLog log;
  private final Callers<P> callers;
  private final RoomPolicies<P> policies = new RoomPolicies<>();
  private final Map<String, RoomCommand<P, ?>> commands = new ConcurrentHashMap<>();
  private final List<String> commandTypes = new CopyOnWriteArrayList<>();
  private final RefreshingCache<Key<P>, RoomAccess> access;
  private final List<Consumer<RoomAccessChanged>> accessListeners = new CopyOnWriteArrayList<>();

  public Rooms(Vertx vertx, RoomEventStore store, Callers<P> callers) {
    this.vertx = vertx;
    this.store = store;
    this.log = new RoomLog(vertx, store);
    this.callers = callers;
    this.access = new RefreshingCache<>(ACCESS_TTL_MILLIS, MAX_ACCESS_ENTRIES,
        key -> policies.access(key.caller(), key.room()));
  }

  public Future<Void> start() {
    MessageConsumer<JsonObject> accessChanges = vertx.eventBus().consumer(Addresses.ROOM_ACCESS_CHANGED,
        message -> accessChanged(RoomAccessChanged.fromJson(message.body())));
    return store.createIndexes().compose(v -> accessChanges.completion());
  }

  /** Where the feature that owns a kind of room plugs in its access rules. */
  public Rooms<P> register(String kind, RoomPolicy<P> policy) {
    policies.register(kind, policy);
    return this;
  }

  /** Where a feature plugs in a client frame type it handles. */
  public Rooms<P> command(String type, RoomCommand<P, ?> command) {
    if (commands.put(type, command) == null) {
      commandTypes.add(type);
    }
    return this;
  }

  public Optional<RoomCommand<P, ?>> command(String type) {
    return Optional.ofNullable(commands.get(type));
  }

  /** The client frame types features registered, in that order. */
  public List<String> commandTypes() {
    return List.copyOf(commandTypes);
  }

  /** Runs a parsed command for the caller, once they may read its room. */
  public <C> Future<RoomEvent> run(P caller, RoomCommand<P, C> command, C parsed) {
    return readAccess(caller, command.room(parsed)).compose(a -> command.run(caller, a, parsed));
  }

  /** The caller's access to a room, whatever it is. */
  public Future<RoomAccess> access(P caller, RoomName room) {
    return access.get(new Key<>(caller, room));
  }

  /** The caller's access to a room; fails (forbidden / not found) unless they may read it. */
  public Future<RoomAccess> readAccess(P caller, RoomName room) {
    return access(caller, room).map(a -> {
      if (!a.canRead()) {
        throw new ForbiddenException("You may not read room " + room);
      }
      return a;
    });
  }

  /** Of these users, the ones who may read the room, as far as {@code asking} can tell (read fresh). */
  public Future<List<String>> readers(P asking, RoomName room, List<String> userIds) {
    return policies.readers(asking, room, userIds);
  }

  /** Told, after the cached access is dropped, of every change announced (the gateway checks its connections). */
  public void onAccessChanged(Consumer<RoomAccessChanged> listener) {
    accessListeners.add(listener);
  }

  public Callers<P> callers() {
    return callers;
  }

  public RoomLog log() {
    return log;
  }

  public RoomEventStore store() {
    return store;
  }

  /** The rooms as other features publish into them (agenda, speaker queue, notifications). */
  public RoomEvents events() {
    return new StoredRoomEvents(log);
  }

  private void accessChanged(RoomAccessChanged change) {
    access.removeIf(key -> change.concerns(callers.userId(key.caller())));
    accessListeners.forEach(listener -> listener.accept(change));
  }
}
