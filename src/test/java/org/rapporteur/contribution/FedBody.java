package org.rapporteur.contribution;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request body a test feeds by hand: buffers, then an end or a broken link. It holds what arrives while
 * its reader has paused it, as a paused HTTP request does.
 */
final class FedBody implements ReadStream<Buffer> {
  private static final Object END = new Object();
  private final Deque<Object> queued = new ArrayDeque<>();
  private Handler<Buffer> handler;
  private Handler<Throwable> exceptionHandler;
  private Handler<Void> endHandler;
  private boolean paused = true;

  synchronized FedBody push(byte[] bytes) {
    queued.add(Buffer.buffer(bytes));
    deliver();
    return this;
  }

  synchronized void end() {
    queued.add(END);
    deliver();
  }

  /** The link drops. */
  synchronized void fail() {
    queued.add(new java.io.IOException("Connection reset"));
    deliver();
  }

  private void deliver() {
    while (!paused && !queued.isEmpty()) {
      Object next = queued.poll();
      if (next == END) {
        if (endHandler != null) {
          endHandler.handle(null);
        }
      } else if (next instanceof Throwable failure) {
        if (exceptionHandler != null) {
          exceptionHandler.handle(failure);
        }
      } else if (handler != null) {
        handler.handle((Buffer) next);
      }
    }
  }

  @Override
  public synchronized ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> handler(Handler<Buffer> handler) {
    this.handler = handler;
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> pause() {
    paused = true;
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> resume() {
    paused = false;
    deliver();
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> fetch(long amount) {
    return resume();
  }

  @Override
  public synchronized ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }
}
