package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.Function;

/**
 * Reads a request body in chunks of {@code chunkBytes} (the last one shorter), at most {@code room} bytes,
 * and hands each chunk to {@code sink} before it reads on (back-pressure: the body is paused while a chunk
 * is stored). Ends when the body ends, breaks off, or sends nothing for {@code stallMillis} (a half-open
 * mobile link would otherwise hold the upload forever); what arrived until then is handed on too, so it
 * stays stored. Answers how many bytes the sink took; fails as soon as the sink fails.
 */
final class ChunkPipe {
  private final Vertx vertx;
  private final ReadStream<Buffer> body;
  private final int chunkBytes;
  private final long room;
  private final long stallMillis;
  private final Function<Buffer, Future<Void>> sink;
  private final Promise<Long> done = Promise.promise();
  private Buffer pending = Buffer.buffer();
  private Future<Void> storing = Future.succeededFuture();
  private long received;
  private long stored;
  private boolean ended;
  private long lastData = System.nanoTime();

  ChunkPipe(Vertx vertx, ReadStream<Buffer> body, int chunkBytes, long room, long stallMillis,
      Function<Buffer, Future<Void>> sink) {
    this.vertx = vertx;
    this.body = body;
    this.chunkBytes = chunkBytes;
    this.room = room;
    this.stallMillis = stallMillis;
    this.sink = sink;
  }

  Future<Long> run() {
    body.handler(this::receive);
    body.exceptionHandler(e -> end());
    body.endHandler(v -> end());
    long timer = vertx.setPeriodic(Math.max(100, stallMillis / 4), id -> {
      if ((System.nanoTime() - lastData) / 1_000_000 > stallMillis) {
        end();
      }
    });
    body.resume();
    return done.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  private void receive(Buffer buffer) {
    lastData = System.nanoTime();
    long left = room - received;
    if (left <= 0 || ended) {
      return;
    }
    Buffer slice = buffer.length() > left ? buffer.slice(0, (int) left) : buffer;
    received += slice.length();
    pending.appendBuffer(slice);
    if (pending.length() >= chunkBytes) {
      body.pause();
      while (pending.length() >= chunkBytes) {
        store(pending.getBuffer(0, chunkBytes));
        pending = pending.getBuffer(chunkBytes, pending.length());
      }
      storing.onSuccess(v -> {
        lastData = System.nanoTime();
        if (!ended) {
          body.resume();
        }
      });
    }
  }

  private void store(Buffer chunk) {
    storing = storing.compose(v -> sink.apply(chunk)).onSuccess(v -> stored += chunk.length());
    storing.onFailure(e -> {
      finishReading();
      done.tryFail(e);
    });
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    finishReading();
    if (pending.length() > 0) {
      store(pending);
      pending = Buffer.buffer();
    }
    storing.onSuccess(v -> done.tryComplete(stored));
  }

  private void finishReading() {
    body.handler(null);
    body.exceptionHandler(null);
    body.endHandler(null);
  }
}
