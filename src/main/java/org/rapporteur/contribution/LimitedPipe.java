package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.ReadStream;

/**
 * Copies a request body into a file with back-pressure, at most {@code room} bytes. Ends when the
 * body ends or breaks off; either way what was written stays written.
 */
final class LimitedPipe {
  private final ReadStream<Buffer> body;
  private final AsyncFile file;
  private final long room;
  private long written;

  LimitedPipe(ReadStream<Buffer> body, AsyncFile file, long room) {
    this.body = body;
    this.file = file;
    this.room = room;
  }

  Future<Long> run() {
    Promise<Long> done = Promise.promise();
    body.handler(buffer -> {
      long left = room - written;
      if (left <= 0) {
        return;
      }
      Buffer slice = buffer.length() > left ? buffer.slice(0, (int) left) : buffer;
      written += slice.length();
      file.write(slice);
      if (file.writeQueueFull()) {
        body.pause();
        file.drainHandler(v -> body.resume());
      }
    });
    body.exceptionHandler(e -> done.tryComplete(written));
    body.endHandler(v -> done.tryComplete(written));
    body.resume();
    return done.future();
  }
}
