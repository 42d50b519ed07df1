package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.ReadStream;

/**
 * Copies a request body into a file with back-pressure, at most {@code room} bytes. Ends when the
 * body ends, breaks off, or sends nothing for {@code stallMillis} (a half-open mobile link would
 * otherwise hold the upload forever); either way what was written stays written.
 */
final class LimitedPipe {
  private final Vertx vertx;
  private final ReadStream<Buffer> body;
  private final AsyncFile file;
  private final long room;
  private final long stallMillis;
  private final Promise<Long> done = Promise.promise();
  private long written;
  private long lastData = System.nanoTime();

  LimitedPipe(Vertx vertx, ReadStream<Buffer> body, AsyncFile file, long room, long stallMillis) {
    this.vertx = vertx;
    this.body = body;
    this.file = file;
    this.room = room;
    this.stallMillis = stallMillis;
  }

  Future<Long> run() {
    body.handler(this::write);
    body.exceptionHandler(e -> finish());
    body.endHandler(v -> finish());
    long timer = vertx.setPeriodic(Math.max(100, stallMillis / 4), id -> {
      if ((System.nanoTime() - lastData) / 1_000_000 > stallMillis) {
        finish();
      }
    });
    body.resume();
    return done.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  private void write(Buffer buffer) {
    lastData = System.nanoTime();
    long left = room - written;
    if (left <= 0 || done.future().isComplete()) {
      return;
    }
    Buffer slice = buffer.length() > left ? buffer.slice(0, (int) left) : buffer;
    written += slice.length();
    file.write(slice);
    if (file.writeQueueFull()) {
      body.pause();
      file.drainHandler(v -> body.resume());
    }
  }

  private void finish() {
    if (done.tryComplete(written)) {
      body.handler(null);
      body.exceptionHandler(null);
      body.endHandler(null);
    }
  }
}
