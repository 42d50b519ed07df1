package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.Ids;

/**
 * The bytes of resumable uploads, in MongoDB so that any node continues an upload: each PATCH body is
 * stored in chunks as it streams, and the offset moves past a chunk only once it is stored, by a
 * conditional update on the offset it expects. One PATCH at a time writes to an upload, the one holding
 * the upload's short lease; a node that dies holding it stops renewing it, and the lease ends.
 */
final class UploadBytes {
  private final Vertx vertx;
  private final UploadStore uploads;
  private final UploadChunkStore chunks;
  private final int chunkBytes;
  private final Duration lease;
  private final long stallMillis;

  UploadBytes(Vertx vertx, UploadStore uploads, UploadChunkStore chunks, int chunkBytes, Duration lease,
      long stallMillis) {
    this.vertx = vertx;
    this.uploads = uploads;
    this.chunks = chunks;
    this.chunkBytes = chunkBytes;
    this.lease = lease;
    this.stallMillis = stallMillis;
  }

  Future<Void> start() {
    return chunks.createIndexes();
  }

  /**
   * Runs {@code work} holding the upload's PATCH lease, renewed until the work ends, then lets go.
   * Fails with a conflict when the upload is not at {@code offset} or another PATCH holds the lease.
   */
  <T> Future<T> underLease(String id, long offset, Function<Lease, Future<T>> work) {
    String token = Ids.newId();
    return uploads.claim(id, offset, token, until()).compose(claimed -> {
      if (claimed.isEmpty()) {
        return refusal(id, offset);
      }
      long renewal = vertx.setPeriodic(Math.max(100, lease.toMillis() / 3), t -> uploads.renew(id, token, until()));
      // What a PATCH wrote past the offset before it lost its node is no part of the upload.
      return chunks.removeFrom(id, offset)
          .compose(v -> work.apply(new Lease(claimed.get(), token)))
          .eventually(() -> {
            vertx.cancelTimer(renewal);
            return uploads.release(id, token).otherwiseEmpty();
          });
    });
  }

  private <T> Future<T> refusal(String id, long offset) {
    return uploads.find(id).compose(found -> {
      long at = found.map(Upload::offset).orElse(-1L);
      return Future.failedFuture(at != offset || found.map(u -> u.contributionId() != null).orElse(true)
          ? new ConflictException("Upload-Offset must be " + at)
          : new ConflictException("Another PATCH is writing to this upload"));
    });
  }

  /** Stores the body from the upload's offset on; answers the offset reached. */
  Future<Long> write(Lease held, ReadStream<Buffer> body) {
    Upload upload = held.upload();
    long[] offset = {upload.offset()};
    return new ChunkPipe(vertx, body, chunkBytes, upload.length() - upload.offset(), stallMillis, chunk -> {
      long from = offset[0];
      long to = from + chunk.length();
      return chunks.put(upload.id(), from, chunk)
          .compose(v -> uploads.moveOffset(upload.id(), held.token(), from, to, until()))
          .map(moved -> {
            if (!moved) {
              throw new ConflictException("Another PATCH took over this upload");
            }
            offset[0] = to;
            return (Void) null;
          });
    }).run().map(stored -> offset[0]);
  }

  /**
   * Writes the complete upload's bytes into {@code target}, one chunk in memory at a time. Bytes found
   * missing (an upload begun before its bytes were kept in MongoDB) move the offset back to the end of
   * what is stored, and the answer is a conflict naming it, so the client sends the rest again.
   */
  Future<Void> assemble(Lease held, Path target) {
    return vertx.fileSystem().open(target.toString(), new OpenOptions().setWrite(true).setCreate(true)
            .setTruncateExisting(true))
        .compose(file -> copy(held, 0, file).eventually(file::close));
  }

  private Future<Void> copy(Lease held, long offset, AsyncFile file) {
    Upload upload = held.upload();
    if (offset >= upload.length()) {
      return Future.succeededFuture();
    }
    return chunks.find(upload.id(), offset).compose(chunk -> {
      if (chunk == null || chunk.length() == 0) {
        return uploads.moveOffset(upload.id(), held.token(), upload.length(), offset, until())
            .compose(moved -> Future.failedFuture(new ConflictException("Upload-Offset must be " + offset)));
      }
      return file.write(chunk).compose(v -> copy(held, offset + chunk.length(), file));
    });
  }

  Future<Void> remove(List<String> uploadIds) {
    return chunks.removeAll(uploadIds);
  }

  private Instant until() {
    return Instant.now().plus(lease);
  }

  /** An upload as its PATCH lease was taken, and the token that proves the lease. */
  record Lease(Upload upload, String token) {}
}
