package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's WebSocket to /api/realtime: sends frames and waits, bounded in time, for the ones it expects. */
public final class RealtimeClient implements AutoCloseable {
  public static final long WAIT_MILLIS = 10_000;

  private final WebSocketClient client;
  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final List<JsonObject> skipped = new ArrayList<>();
  public volatile Short closeCode;
  public volatile String closeReason;
  /** How many {@code events} frames (several events in one) arrived; their events are queued one by one. */
  public volatile int batchFrames;

  private RealtimeClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if ("events".equals(frame.getString("type"))) {
        batchFrames++;
        frame.getJsonArray("events").forEach(event -> frames.add((JsonObject) event));
      } else {
        frames.add(frame);
      }
    });
    ws.closeHandler(v -> {
      closeCode = ws.closeStatusCode();
      closeReason = ws.closeReason();
      frames.add(new JsonObject().put("type", "closed"));
    });
  }

  public static WebSocketConnectOptions options(int port, String origin, String sessionCookie) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI("/api/realtime");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    if (sessionCookie != null) {
      options.addHeader("Cookie", "rapporteur_session=" + sessionCookie);
    }
    return options;
  }

  public static RealtimeClient connect(Vertx vertx, int port, String origin, ApiClient signedIn) {
    return connect(vertx, port, origin, signedIn, new WebSocketClientOptions());
  }

  public static RealtimeClient connect(Vertx vertx, int port, String origin, ApiClient signedIn,
      WebSocketClientOptions clientOptions) {
    WebSocketClient client = vertx.createWebSocketClient(clientOptions.setMaxConnections(200));
    WebSocket ws = client.connect(options(port, origin, signedIn.cookie("rapporteur_session"))).await();
    return new RealtimeClient(client, ws);
  }

  /** Stops reading from the socket, as a client on a stalled link does. */
  public void pause() {
    ws.pause();
  }

  public void resume() {
    ws.resume();
  }

  /** Sends without waiting for the write, so many frames can be in flight. */
  public void sendLater(JsonObject frame) {
    ws.writeTextMessage(frame.encode());
  }

  public void send(JsonObject frame) {
    ws.writeTextMessage(frame.encode()).await();
  }

  public void sendRaw(String text) {
    ws.writeTextMessage(text).await();
  }

  /** The next frame matching, skipping (and keeping) others; fails after {@link #WAIT_MILLIS}. */
  public JsonObject next(Predicate<JsonObject> wanted) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    for (JsonObject skippedFrame : new ArrayList<>(skipped)) {
      if (wanted.test(skippedFrame)) {
        skipped.remove(skippedFrame);
        return skippedFrame;
      }
    }
    while (true) {
      long left = deadline - System.currentTimeMillis();
      JsonObject frame;
      try {
        frame = left <= 0 ? null : frames.poll(left, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      if (frame == null) {
        throw new AssertionError("No matching frame within " + WAIT_MILLIS + " ms; skipped " + skipped);
      }
      if (wanted.test(frame)) {
        return frame;
      }
      skipped.add(frame);
    }
  }

  public JsonObject next(String type) {
    return next(f -> type.equals(f.getString("type")));
  }

  public JsonObject subscribe(String room, Long since) {
    return subscribe(room, since, false);
  }

  /** With {@code batch}, the server may send several events as one {@code events} frame. */
  public JsonObject subscribe(String room, Long since, boolean batch) {
    send(new JsonObject().put("type", "subscribe").put("room", room).put("since", since).put("batch", batch));
    return next(f -> "subscribed".equals(f.getString("type")) && room.equals(f.getString("room"))
        || "error".equals(f.getString("type")));
  }

  public JsonObject sendMessage(String room, String clientId, String text) {
    send(new JsonObject().put("type", "send").put("room", room).put("clientId", clientId).put("text", text));
    return reply(clientId);
  }

  /** The ack or error for this clientId. */
  public JsonObject reply(String clientId) {
    return next(f -> clientId.equals(f.getString("clientId"))
        && ("ack".equals(f.getString("type")) || "error".equals(f.getString("type"))));
  }

  /** The highest sequence number of the room's events received so far, or {@code none}. */
  public long lastSeq(String room, long none) {
    long last = none;
    List<JsonObject> received = new ArrayList<>(skipped);
    received.addAll(frames);
    for (JsonObject frame : received) {
      if ("event".equals(frame.getString("type")) && room.equals(frame.getString("room"))) {
        last = Math.max(last, frame.getLong("seq"));
      }
    }
    return last;
  }

  /** The next {@code count} event frames of a room, in arrival order. */
  public List<JsonObject> events(String room, int count) {
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(next(f -> "event".equals(f.getString("type")) && room.equals(f.getString("room"))));
    }
    return events;
  }

  /** Every frame that arrives until none has for {@code quietMillis}, or {@code maxMillis} have passed. */
  public List<JsonObject> framesUntilQuiet(long quietMillis, long maxMillis) {
    List<JsonObject> received = new ArrayList<>(skipped);
    skipped.clear();
    long deadline = System.currentTimeMillis() + maxMillis;
    try {
      while (System.currentTimeMillis() < deadline) {
        JsonObject frame = frames.poll(quietMillis, TimeUnit.MILLISECONDS);
        if (frame == null) {
          return received;
        }
        received.add(frame);
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("Frames kept arriving for " + maxMillis + " ms");
  }

  /** Whether a frame of this type arrives within {@code millis} (to show that something does not). */
  public boolean receives(Predicate<JsonObject> wanted, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      try {
        JsonObject frame = frames.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        if (frame != null && wanted.test(frame)) {
          return true;
        }
        if (frame != null) {
          skipped.add(frame);
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      ws.close().await();
    } catch (RuntimeException ignored) {
      // already closed by the server
    }
    client.close();
  }
}
