package org.rapporteur.realtime.transport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.rapporteur.realtime.room.RoomAccessChanged;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;

/**
 * The fallback downstream: one room as Server-Sent Events. Each event carries its sequence number
 * as the SSE {@code id}, so a reconnecting EventSource sends {@code Last-Event-ID} and resumes.
 */
final class SseStream<P> implements Outbound, Heartbeat {
  private static final int RESTART_RETRY_MILLIS = 500;
  private final HttpServerResponse response;
  private final Subscription subscription;
  private final RoomFeeds feeds;
  private final Runnable onClose;
  private final P caller;
  private final Rooms<P> rooms;
  private volatile long lastWritable = System.currentTimeMillis();
  private volatile boolean closed;
  private volatile boolean detached;

  SseStream(Vertx vertx, HttpServerResponse response, P caller, RoomName room, Rooms<P> rooms, RealtimeConfig config,
      RoomFeeds feeds, ReplayTurns turns, Runnable onClose) {
    this.response = response;
    this.caller = caller;
    this.rooms = rooms;
    PresenceStore.Member who = new PresenceStore.Member(rooms.callers().userId(caller), rooms.callers().name(caller));
    this.subscription = new Subscription(vertx.getOrCreateContext(), room, who, this, rooms.log(), turns,
        config.replayBufferEvents(), false);
    this.feeds = feeds;
    this.onClose = onClose;
    response.setWriteQueueMaxSize(config.sendQueueBytes());
  }

  Future<Void> start(Long since) {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Encoding", "identity")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> cleanUp());
    response.write("retry: 2000\n\n");
    return feeds.attach(subscription).compose(head -> {
      writeData(Frames.subscribed(subscription.room(), head), -1);
      return subscription.replay(since, head);
    });
  }

  private boolean writeData(JsonObject frame, long seq) {
    return send(WireFrame.forOne(frame.encode()), seq);
  }

  @Override
  public boolean send(WireFrame wireFrame, long seq) {
    String frame = wireFrame.json();
    if (closed) {
      return false;
    }
    if (response.writeQueueFull()) {
      closeSlow("too slow");
      return false;
    }
    response.write(seq > 0 ? "id: " + seq + "\ndata: " + frame + "\n\n" : "data: " + frame + "\n\n");
    return true;
  }

  @Override
  public boolean congested() {
    return response.writeQueueFull();
  }

  @Override
  public boolean writable() {
    return !response.writeQueueFull();
  }

  @Override
  public Future<Void> whenWritable() {
    if (closed || !response.writeQueueFull()) {
      return Future.succeededFuture();
    }
    // One stream, one room: its replay is the only one waiting here.
    Promise<Void> drained = Promise.promise();
    response.drainHandler(v -> drained.tryComplete());
    response.closeHandler(v -> {
      cleanUp();
      drained.tryComplete();
    });
    return drained.future();
  }

  @Override
  public long queuedBytes() {
    return 0;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeSlow(String reason) {
    // An EventSource reconnects by itself, with Last-Event-ID: ending the stream is the whole remedy.
    shutdown();
  }

  @Override
  public void beat(long deadlineMillis) {
    if (closed) {
      return;
    }
    if (!response.writeQueueFull()) {
      lastWritable = System.currentTimeMillis();
      response.write(": hb\n\n");
    } else if (lastWritable < deadlineMillis) {
      shutdown();
    }
  }

  @Override
  public void accessChanged(RoomAccessChanged change) {
    if (change.concerns(subscription.who().id())) {
      rooms.readAccess(caller, subscription.room()).onFailure(e -> shutdown());
    }
  }

  @Override
  public void restart() {
    if (!closed) {
      // EventSource reconnects after the stream ends; a short retry brings it back as soon as a process answers.
      response.write("retry: " + RESTART_RETRY_MILLIS + "\n\n");
    }
    shutdown();
  }

  @Override
  public void shutdown() {
    if (!closed) {
      closed = true;
      response.end();
      cleanUp();
    }
  }

  private void cleanUp() {
    closed = true;
    subscription.close();
    if (!detached) {
      detached = true;
      feeds.detach(subscription);
    }
    onClose.run();
  }
}
