package org.rapporteur.realtime.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.realtime.room.RoomAccessChanged;
import org.rapporteur.realtime.room.RoomCommand;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;

/** One browser tab's WebSocket: reads client frames, runs them, and is one {@link Outbound} for its subscriptions. */
final class WebSocketConnection<P> implements Outbound, Heartbeat {
  static final short CLOSE_TOO_SLOW = 4008;
  static final short CLOSE_ABUSE = 1008;
  static final short CLOSE_IDLE = 1001;
  private static final int MAX_SUBSCRIPTIONS = 64;
  private static final int MAX_ERRORS_PER_BEAT = 200;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final P caller;
  private final String callerId;
  private final Rooms<P> rooms;
  private final RealtimeConfig config;
  private final RoomFeeds feeds;
  private final Runnable onClose;
  private final Map<RoomName, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final Context context;
  private final ChannelWriter writer;
  private final int sendQueueBytes;
  private volatile long lastHeard = System.currentTimeMillis();
  private volatile boolean closed;
  private volatile int errorsSinceBeat;

  WebSocketConnection(Vertx vertx, ServerWebSocket ws, ChannelWriter writer, P caller, Rooms<P> rooms,
      RealtimeConfig config, RoomFeeds feeds, Runnable onClose) {
    this.vertx = vertx;
    this.ws = ws;
    this.caller = caller;
    this.callerId = rooms.callers().userId(caller);
    this.rooms = rooms;
    this.config = config;
    this.feeds = feeds;
    this.onClose = onClose;
    this.context = vertx.getOrCreateContext();
    this.writer = writer;
    this.sendQueueBytes = config.sendQueueBytes();
  }

  void start() {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> fail(ErrorCodes.UNKNOWN_TYPE, "Only JSON text frames are understood", null, null));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(e -> { });
    ws.closeHandler(v -> cleanUp());
  }

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    if (text.length() > config.maxFrameChars()) {
      fail(ErrorCodes.OVERSIZE, "A frame may have at most " + config.maxFrameChars() + " characters", null, null);
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      fail(ErrorCodes.MALFORMED, "A frame must be one JSON object", null, null);
      return;
    }
    Object type = frame.getValue("type");
    String named = type instanceof String s ? s : "";
    switch (named) {
      case "subscribe" -> subscribe(frame);
      case "unsubscribe" -> unsubscribe(frame);
      case "ping" -> sendFrame(Frames.pong());
      default -> rooms.command(named).ifPresentOrElse(command -> write(frame, command),
          () -> fail(ErrorCodes.UNKNOWN_TYPE, "Unknown frame type; use subscribe, unsubscribe, "
              + String.join(", ", rooms.commandTypes()) + " or ping", null, null));
    }
  }

  private void subscribe(JsonObject frame) {
    RoomName room;
    Long since;
    boolean batches;
    try {
      room = RoomName.parse(frame.getValue("room") instanceof String s ? s : null, "room");
      since = readSince(frame.getValue("since"));
      batches = readBatch(frame.getValue("batch"));
    } catch (InvalidInputException e) {
      fail(ErrorCodes.of(e), e.getMessage(), null, null);
      return;
    }
    if (subscriptions.size() >= MAX_SUBSCRIPTIONS && !subscriptions.containsKey(room)) {
      fail("invalid", "At most " + MAX_SUBSCRIPTIONS + " rooms per connection", null, room.toString());
      return;
    }
    dropSubscription(room);
    Subscription subscription = new Subscription(vertx, context, room,
        new PresenceStore.Member(callerId, rooms.callers().name(caller)), this, rooms.log(), config.replayBufferEvents(),
        batches);
    // In the map at once, while access is looked up: a second subscribe to the room (a page where the
    // agenda and the chat both follow the meeting) or the connection closing meanwhile then drops this
    // one, and it is not attached afterwards, where nothing would ever detach it.
    subscriptions.put(room, subscription);
    rooms.readAccess(caller, room)
        .compose(a -> {
          if (subscriptions.get(room) != subscription) {
            return Future.succeededFuture();
          }
          return feeds.attach(subscription).compose(head -> {
            sendFrame(Frames.subscribed(room, head));
            return subscription.replay(since, head);
          });
        })
        .onFailure(e -> {
          if (subscriptions.get(room) == subscription) {
            dropSubscription(room);
          }
          fail(ErrorCodes.of(e), ErrorCodes.detail(e), null, room.toString());
        });
  }

  private static Long readSince(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && (n instanceof Integer || n instanceof Long) && n.longValue() >= 0) {
      return n.longValue();
    }
    throw InvalidInputException.of("since", "must be a sequence number (0 or more) or null");
  }

  private static boolean readBatch(Object value) {
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw InvalidInputException.of("batch", "must be true or false");
  }

  private void unsubscribe(JsonObject frame) {
    try {
      RoomName room = RoomName.parse(frame.getValue("room") instanceof String s ? s : null, "room");
      dropSubscription(room);
      sendFrame(Frames.unsubscribed(room));
    } catch (InvalidInputException e) {
      fail(ErrorCodes.of(e), e.getMessage(), null, null);
    }
  }

  private <C> void write(JsonObject frame, RoomCommand<P, C> command) {
    C parsed;
    try {
      parsed = command.parse(frame);
    } catch (InvalidInputException e) {
      Object id = frame.getValue("clientId");
      fail(ErrorCodes.of(e), e.getMessage(), id instanceof String s ? s : null, null);
      return;
    }
    rooms.run(caller, command, parsed)
        .onSuccess(event -> sendFrame(Frames.ack(event)))
        .onFailure(e -> fail(ErrorCodes.of(e), ErrorCodes.detail(e), command.clientId(parsed),
            command.room(parsed).toString()));
  }

  private void dropSubscription(RoomName room) {
    Subscription previous = subscriptions.remove(room);
    if (previous != null) {
      previous.close();
      feeds.detach(previous);
    }
  }

  private void fail(String code, String detail, String clientId, String room) {
    if (++errorsSinceBeat > MAX_ERRORS_PER_BEAT) {
      close(CLOSE_ABUSE, "too many bad frames");
      return;
    }
    sendFrame(Frames.error(code, detail, clientId, room));
  }

  private void sendFrame(JsonObject frame) {
    send(WireFrame.forOne(frame.encode()), 0);
  }

  @Override
  public boolean send(WireFrame frame, long seq) {
    if (closed) {
      return false;
    }
    if (congested()) {
      closeSlow("too slow: send queue full; reconnect and resume with since");
      return false;
    }
    writer.write(frame);
    return true;
  }

  @Override
  public boolean congested() {
    return writer.queuedBytes() >= sendQueueBytes;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeSlow(String reason) {
    close(CLOSE_TOO_SLOW, reason);
  }

  @Override
  public void beat(long deadlineMillis) {
    errorsSinceBeat = 0;
    if (lastHeard < deadlineMillis) {
      close(CLOSE_IDLE, "heartbeat timeout");
    } else if (!closed) {
      ws.writePing(Buffer.buffer("hb"));
    }
  }

  @Override
  public void accessChanged(RoomAccessChanged change) {
    if (!change.concerns(callerId)) {
      return;
    }
    context.runOnContext(v -> {
      for (RoomName room : subscriptions.keySet()) {
        rooms.readAccess(caller, room).onFailure(e -> {
          dropSubscription(room);
          sendFrame(Frames.error(ErrorCodes.of(e), ErrorCodes.detail(e), null, room.toString()));
        });
      }
    });
  }

  @Override
  public void shutdown() {
    close(CLOSE_IDLE, "server shutting down");
  }

  private void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    ws.close(code, reason);
    cleanUp();
  }

  private void cleanUp() {
    closed = true;
    for (RoomName room : subscriptions.keySet()) {
      dropSubscription(room);
    }
    onClose.run();
  }
}
