package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat client as the browser behaves: one WebSocket, one room; after a lost connection it
 * reconnects (through whatever port it was given, HAProxy in the cluster test), subscribes again
 * with the last sequence number it saw, and sends again every message not yet acknowledged, with the
 * same client id. It records what it receives, and what would be wrong: a number twice, a gap.
 */
public final class ChatPeer {
  private static final int MAX_RECONNECTS = 50;
  private static final long RECONNECT_MILLIS = 300;
  private static final long RETRY_MILLIS = 2000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final int port;
  private final String origin;
  private final String cookie;
  private final String room;
  private final String name;
  private final AtomicInteger counter = new AtomicInteger();
  private WebSocket ws;
  private long lastSeq = -1;
  private boolean stopped;
  private int reconnects;
  private int retried;
  private boolean subscribedNow;
  private final List<Long> seqs = new ArrayList<>();
  private final List<String> clientIds = new ArrayList<>();
  private final List<String> kinds = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> unacked = new LinkedHashMap<>();
  private final Map<String, Long> acked = new LinkedHashMap<>();
  private final Map<Short, Integer> closeCodes = new HashMap<>();

  public ChatPeer(Vertx vertx, WebSocketClient client, int port, String origin, String cookie, String room, String name) {
    this.vertx = vertx;
    this.client = client;
    this.port = port;
    this.origin = origin;
    this.cookie = cookie;
    this.room = room;
    this.name = name;
  }

  /** Connects and subscribes; {@code since} null joins at the head. Completes on {@code subscribed}. */
  public io.vertx.core.Future<Void> join(Long since) {
    synchronized (this) {
      if (since != null) {
        lastSeq = since;
      }
    }
    io.vertx.core.Promise<Void> subscribed = io.vertx.core.Promise.promise();
    connect(subscribed);
    return subscribed.future();
  }

  /** {@code subscribed} completes at the first subscription; a refused connection is tried again. */
  private void connect(io.vertx.core.Promise<Void> subscribed) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/realtime").addHeader("Origin", origin).addHeader("Cookie", "rapporteur_session=" + cookie);
    client.connect(options).onSuccess(socket -> {
      synchronized (this) {
        ws = socket;
      }
      socket.textMessageHandler(text -> receive(new JsonObject(text), subscribed));
      socket.closeHandler(v -> {
        closed(socket.closeStatusCode());
        lost(subscribed);
      });
      socket.exceptionHandler(e -> { });
      Long since;
      synchronized (this) {
        since = lastSeq < 0 ? null : lastSeq;
      }
      socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("room", room).put("since", since)
          .put("batch", true).encode());
    }).onFailure(e -> lost(subscribed));
  }

  private synchronized void closed(Short code) {
    if (code != null) {
      closeCodes.merge(code, 1, Integer::sum);
    }
  }

  private void lost(io.vertx.core.Promise<Void> subscribed) {
    synchronized (this) {
      ws = null;
      subscribedNow = false;
      if (stopped) {
        return;
      }
      if (++reconnects > MAX_RECONNECTS) {
        problems.add(name + " gave up after " + MAX_RECONNECTS + " reconnections");
        subscribed.tryFail(name + " could not connect");
        return;
      }
    }
    vertx.setTimer(RECONNECT_MILLIS, id -> connect(subscribed));
  }

  private void receive(JsonObject frame, io.vertx.core.Promise<Void> subscribed) {
    switch (frame.getString("type")) {
      case "subscribed" -> {
        synchronized (this) {
          if (lastSeq < 0) {
            lastSeq = frame.getLong("head");
          }
          subscribedNow = true;
        }
        subscribed.tryComplete();
        resendUnacked();
      }
      case "event" -> event(frame);
      case "events" -> frame.getJsonArray("events").forEach(e -> event((JsonObject) e));
      case "ack" -> ack(frame);
      case "error" -> refused(frame);
      default -> { }
    }
  }

  /**
   * As the browser does: a message refused for the rate or because the server could not store it now
   * is sent again a moment later; any other refusal is a problem for the test.
   */
  private void refused(JsonObject frame) {
    String clientId = frame.getString("clientId");
    String code = frame.getString("code");
    synchronized (this) {
      if (clientId == null || !unacked.containsKey(clientId)
          || !("rate-limited".equals(code) || "unavailable".equals(code))) {
        problems.add(name + " error " + frame.encode());
        return;
      }
      retried++;
    }
    vertx.setTimer(RETRY_MILLIS, id -> {
      WebSocket socket;
      String text;
      synchronized (this) {
        socket = ws;
        text = unacked.get(clientId);
      }
      if (socket != null && text != null) {
        socket.writeTextMessage(sendFrame(clientId, text));
      }
    });
  }

  private synchronized void event(JsonObject frame) {
    long seq = frame.getLong("seq");
    if (seq <= lastSeq) {
      problems.add(name + " got " + seq + " again (had " + lastSeq + ")");
      return;
    }
    if (seq != lastSeq + 1) {
      problems.add(name + " got " + seq + " after " + lastSeq);
    }
    lastSeq = seq;
    seqs.add(seq);
    clientIds.add(frame.getJsonObject("event").getString("clientId"));
    kinds.add(frame.getJsonObject("event").getString("kind"));
  }

  private synchronized void ack(JsonObject frame) {
    String clientId = frame.getString("clientId");
    unacked.remove(clientId);
    acked.put(clientId, frame.getLong("seq"));
  }

  /** Sends a new message; it is sent again after every reconnection until acknowledged. */
  public void send() {
    String clientId = name + "-" + counter.incrementAndGet();
    String text = "message " + clientId;
    WebSocket socket;
    synchronized (this) {
      unacked.put(clientId, text);
      socket = ws;
    }
    if (socket != null) {
      socket.writeTextMessage(sendFrame(clientId, text));
    }
  }

  private void resendUnacked() {
    Map<String, String> again;
    WebSocket socket;
    synchronized (this) {
      again = new LinkedHashMap<>(unacked);
      socket = ws;
    }
    if (socket != null) {
      again.forEach((clientId, text) -> socket.writeTextMessage(sendFrame(clientId, text)));
    }
  }

  private String sendFrame(String clientId, String text) {
    return new JsonObject().put("type", "send").put("room", room).put("clientId", clientId).put("text", text).encode();
  }

  public synchronized long lastSeq() {
    return lastSeq;
  }

  public synchronized int unackedCount() {
    return unacked.size();
  }

  /** The sequence numbers received, in the order they came. */
  public synchronized List<Long> seqs() {
    return List.copyOf(seqs);
  }

  /** The client id of each event received, in the order they came. */
  /** The kind of every event received, in order: a message, an agenda, a queue... */
  public synchronized List<String> kinds() {
    return List.copyOf(kinds);
  }

  public synchronized List<String> clientIds() {
    // Not List.copyOf: an event other than a message (agenda, queue) has no client id.
    return Collections.unmodifiableList(new ArrayList<>(clientIds));
  }

  /** What went wrong: a number twice or out of order, a refusal, giving up. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** Each acknowledged message's client id and the number it was stored at. */
  public synchronized Map<String, Long> acked() {
    return Map.copyOf(acked);
  }

  /** How many times the server closed this peer's socket with each close code. */
  public synchronized Map<Short, Integer> closeCodes() {
    return Map.copyOf(closeCodes);
  }

  /** Connected and subscribed now (not between a lost connection and the next subscription). */
  public synchronized boolean connected() {
    return ws != null && subscribedNow;
  }

  /** What the peer got and lacks, for a failure's message. */
  public synchronized String summary() {
    return name + ": last " + lastSeq + ", unacked " + unacked.keySet() + ", reconnects " + reconnects
        + ", sent again after a refusal " + retried
        + ", connected " + (ws != null) + ", problems " + problems.subList(0, Math.min(3, problems.size()));
  }

  public synchronized int reconnects() {
    return reconnects;
  }

  public void stop() {
    WebSocket socket;
    synchronized (this) {
      stopped = true;
      socket = ws;
    }
    if (socket != null) {
      socket.close();
    }
  }
}
