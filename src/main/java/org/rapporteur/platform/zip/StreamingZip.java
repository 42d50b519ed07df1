package org.rapporteur.platform.zip;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;

/**
 * A ZIP archive written as its entries stream through, never held in memory: each file goes in
 * stored (documents are mostly compressed already), its CRC and size in a data descriptor after it,
 * and the central directory at the end, from which archive tools read the listing. No ZIP64: the
 * caller keeps the archive under 4 GiB (offsets are 32-bit).
 */
public final class StreamingZip {
  private static final int FLAGS = 0x0808; // sizes in a data descriptor; names in UTF-8
  private static final int VERSION = 20;

  private final WriteStream<Buffer> out;
  private final BooleanSupplier gone;
  private final List<Entry> entries = new ArrayList<>();
  private long offset;

  private record Entry(byte[] name, int time, int date, long crc, long size, long offset) {}

  /** {@code gone}: whether the reader left, so what is still read is no longer written. */
  public StreamingZip(WriteStream<Buffer> out, BooleanSupplier gone) {
    this.out = out;
    this.gone = gone;
  }

  /** Streams one file into the archive; completes when its last byte and descriptor are written. */
  public Future<Void> add(String name, LocalDateTime modified, ReadStream<Buffer> body) {
    byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
    int time = (modified.getHour() << 11) | (modified.getMinute() << 5) | (modified.getSecond() / 2);
    int date = ((Math.max(1980, modified.getYear()) - 1980) << 9) | (modified.getMonthValue() << 5)
        | modified.getDayOfMonth();
    long start = offset;
    write(Buffer.buffer().appendIntLE(0x04034b50).appendShortLE((short) VERSION).appendShortLE((short) FLAGS)
        .appendShortLE((short) 0).appendShortLE((short) time).appendShortLE((short) date)
        .appendIntLE(0).appendIntLE(0).appendIntLE(0)
        .appendShortLE((short) encoded.length).appendShortLE((short) 0).appendBytes(encoded));
    Promise<Void> done = Promise.promise();
    CRC32 crc = new CRC32();
    long[] size = {0};
    body.exceptionHandler(done::tryFail);
    body.handler(chunk -> {
      crc.update(chunk.getBytes());
      size[0] += chunk.length();
      write(chunk);
      if (out.writeQueueFull()) {
        body.pause();
        out.drainHandler(v -> body.resume());
      }
    });
    body.endHandler(v -> {
      write(Buffer.buffer().appendIntLE(0x08074b50).appendUnsignedIntLE(crc.getValue())
          .appendUnsignedIntLE(size[0]).appendUnsignedIntLE(size[0]));
      entries.add(new Entry(encoded, time, date, crc.getValue(), size[0], start));
      done.tryComplete();
    });
    return done.future();
  }

  /** Writes the central directory and its end record. */
  public Buffer finish() {
    long start = offset;
    Buffer directory = Buffer.buffer();
    for (Entry e : entries) {
      directory.appendIntLE(0x02014b50).appendShortLE((short) VERSION).appendShortLE((short) VERSION)
          .appendShortLE((short) FLAGS).appendShortLE((short) 0)
          .appendShortLE((short) e.time()).appendShortLE((short) e.date())
          .appendUnsignedIntLE(e.crc()).appendUnsignedIntLE(e.size()).appendUnsignedIntLE(e.size())
          .appendShortLE((short) e.name().length).appendShortLE((short) 0).appendShortLE((short) 0)
          .appendShortLE((short) 0).appendShortLE((short) 0).appendIntLE(0)
          .appendUnsignedIntLE(e.offset()).appendBytes(e.name());
    }
    long size = directory.length();
    directory.appendIntLE(0x06054b50).appendShortLE((short) 0).appendShortLE((short) 0)
        .appendShortLE((short) entries.size()).appendShortLE((short) entries.size())
        .appendUnsignedIntLE(size).appendUnsignedIntLE(start).appendShortLE((short) 0);
    offset += directory.length();
    return directory;
  }

  private void write(Buffer buffer) {
    offset += buffer.length();
    if (!gone.getAsBoolean()) {
      out.write(buffer);
    }
  }
}
