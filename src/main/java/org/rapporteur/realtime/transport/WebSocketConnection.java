package org.rapporteur.realtime.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.netty.handler.codec.CodecException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.realtime.room.RoomAccessChanged;
import org.rapporteur.realtime.room.RoomCommand;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One browser tab's WebSocket: reads client frames, runs them, and is one {@link Outbound} for its subscriptions. */
final class WebSocketConnection<P> implements Outbound, Heartbeat {
  static final short CLOSE_TOO_SLOW = 4008;
  static final short CLOSE_ABUSE = 1008;
  static final short CLOSE_IDLE = 1001;
  /** RFC 6455 "Service Restart": the client reconnects (to another process, or this one when it is back). */
  static final short CLOSE_RESTART = 1012;
  private static final int MAX_SUBSCRIPTIONS = 64;
  private static final int MAX_ERRORS_PER_BEAT = 200;
  private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final P caller;
  private final String callerId;
  private final Rooms<P> rooms;
  private final RealtimeConfig config;
  private final RoomFeeds feeds;
  private final ReplayTurns turns;
  private final Runnable onClose;
  private final Map<RoomName, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final Context context;
  private final ChannelWriter writer;
  private final int sendQueueBytes;
  private volatile long lastHeard = System.currentTimeMillis();
  private volatile boolean closed;
  private volatile int errorsSinceBeat;
  /** The message being received, frame by frame; null between messages. */
  private Buffer partial;
  private boolean partialBinary;
  private boolean partialTooLong;

  WebSocketConnection(Vertx vertx, ServerWebSocket ws, ChannelWriter writer, P caller, Rooms<P> rooms,
      RealtimeConfig config, RoomFeeds feeds, ReplayTurns turns, Runnable onClose) {
    this.vertx = vertx;
    this.ws = ws;
    this.caller = caller;
    this.callerId = rooms.callers().userId(caller);
    this.rooms = rooms;
    this.config = config;
    this.feeds = feeds;
    this.turns = turns;
    this.onClose = onClose;
    this.context = vertx.getOrCreateContext();
    this.writer = writer;
    this.sendQueueBytes = config.sendQueueBytes();
  }

  void start() {
    // Messages are put together here rather than by Vert.x, which drops one over its limit with only an
    // exception: an oversize message is then answered, and never held in memory beyond the limit.
    ws.frameHandler(this::onFrame);
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(this::onException);
    ws.closeHandler(v -> cleanUp());
  }

  private void onFrame(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary()) {
      partial = Buffer.buffer();
      partialBinary = frame.isBinary();
      partialTooLong = false;
    } else if (!frame.isContinuation() || partial == null) {
      return;
    }
    Buffer data = frame.binaryData();
    // A character takes at most four bytes: more than that many bytes is over the limit whatever they say.
    if (partialTooLong || partial.length() + data.length() > 4L * config.maxFrameChars()) {
      partialTooLong = true;
      partial = Buffer.buffer();
    } else {
      partial.appendBuffer(data);
    }
    if (frame.isFinal()) {
      Buffer message = partial;
      partial = null;
      if (partialBinary) {
        fail(ErrorCodes.UNKNOWN_TYPE, "Only JSON text frames are understood", null, null);
      } else if (partialTooLong) {
        lastHeard = System.currentTimeMillis();
        tooLong();
      } else {
        onText(message.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private void tooLong() {
    fail(ErrorCodes.OVERSIZE, "A frame may have at most " + config.maxFrameChars() + " characters", null, null);
  }

  /** What the peer did wrong is worth a line; anything else is the server's own trouble. */
  private void onException(Throwable e) {
    if (e instanceof IOException || e instanceof HttpClosedException) {
      logger.debug("WebSocket of {} failed: {}", callerId, e.toString());
    } else if (e instanceof CorruptedWebSocketFrameException corrupt) {
      // Such as one frame over the frame limit: the close code says which (1009 for that one).
      logger.info("WebSocket of {} sent what the protocol forbids; closed: {}", callerId, e.toString());
      close((short) corrupt.closeStatus().code(), corrupt.closeStatus().reasonText());
    } else if (e instanceof CodecException) {
      logger.info("WebSocket of {} sent what could not be decoded: {}", callerId, e.toString());
    } else {
      logger.warn("WebSocket of {} failed", callerId, e);
    }
  }

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    if (text.length() > config.maxFrameChars()) {
      tooLong();
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
    Subscription subscription = new Subscription(context, room,
        new PresenceStore.Member(callerId, rooms.callers().name(caller)), this, rooms.log(), turns, config.replayBufferEvents(),
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
  public boolean writable() {
    return writer.writable();
  }

  @Override
  public Future<Void> whenWritable() {
    return writer.whenWritable(context);
  }

  @Override
  public long queuedBytes() {
    return writer.queuedBytes();
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

  @Override
  public void restart() {
    close(CLOSE_RESTART, "service restart");
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
