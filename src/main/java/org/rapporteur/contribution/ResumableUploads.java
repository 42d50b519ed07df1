package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.rapporteur.platform.cluster.LeasedWork;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.TooLargeException;
import org.rapporteur.platform.mongo.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads (tus 1.0 core, creation, termination, expiration). The state and the bytes are in
 * MongoDB ({@link UploadBytes}), so an upload begun through one node continues through any other; what
 * arrived before a dropped connection is kept. The last byte turns the upload into a contribution. One
 * PATCH at a time per upload, across the cluster; one node at a time removes expired uploads.
 */
public final class ResumableUploads {
  private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);
  private static final long STALL_MILLIS = 60_000;
  private static final long EXPIRY_SWEEP_MILLIS = 3_600_000;
  private static final Set<String> FILE_KEYS = Set.of("groupId", "filename", "filetype", "name", "type");

  private final Vertx vertx;
  private final UploadStore store;
  private final UploadBytes bytes;
  private final ContributionService contributions;
  private final LeasedWork expiry;
  private final Path dir;
  private long sweepTimer = -1;

  ResumableUploads(Vertx vertx, UploadStore store, UploadChunkStore chunks, ContributionService contributions,
      Path uploadsDir, LeasedWork expiry) {
    this.vertx = vertx;
    this.store = store;
    this.contributions = contributions;
    this.expiry = expiry;
    this.bytes = new UploadBytes(vertx, store, chunks, contributions.config().uploadChunkBytes(),
        contributions.config().uploadLease(), STALL_MILLIS);
    this.dir = uploadsDir.resolve("tus");
  }

  /** Clears files a stopped process left half assembled; only this node writes in its folder. */
  Future<Void> start() {
    sweepTimer = vertx.setPeriodic(EXPIRY_SWEEP_MILLIS, id -> expiry.runIfHeld(() -> removeExpired(Instant.now()))
        .onFailure(e -> log.warn("Could not remove expired uploads", e)));
    return vertx.fileSystem().deleteRecursive(dir.toString()).otherwiseEmpty()
        .compose(v -> vertx.fileSystem().mkdirs(dir.toString()))
        .compose(v -> bytes.start())
        .compose(v -> expiry.start());
  }

  Future<Void> stop() {
    vertx.cancelTimer(sweepTimer);
    return expiry.stop();
  }

  public long maxSize() {
    return contributions.config().maxFileBytes();
  }

  public Future<Upload> create(Actor actor, long length, String metadataHeader) {
    actor.requireSignedIn();
    if (length < 1) {
      return Future.failedFuture(InvalidInputException.of("Upload-Length", "must be at least 1: an empty file is no contribution"));
    }
    if (length > maxSize()) {
      return Future.failedFuture(new TooLargeException("The file is larger than " + maxSize() + " bytes"));
    }
    JsonObject metadata = parseMetadata(metadataHeader);
    String groupId = Ids.requireBodyId(metadata.getString("groupId"), "Upload-Metadata.groupId");
    ContributionDraft draft = draftOf(metadata);
    Instant now = Instant.now();
    Upload upload = new Upload(Ids.newId(), actor.userId(), groupId, length, 0, metadata, now,
        now.plus(contributions.config().uploadExpiry()), null, null);
    Future<?> allowed = draft.revisionOf() == null
        ? contributions.requireUploader(actor, groupId)
        : contributions.requireReviser(actor, groupId, draft.revisionOf());
    return allowed.compose(access -> store.insert(upload)).map(upload);
  }

  public Future<Upload> find(Actor actor, String id) {
    actor.requireSignedIn();
    Ids.requirePathId(id, "upload");
    return store.find(id).map(found -> {
      Upload upload = found.orElse(null);
      if (upload == null || !upload.userId().equals(actor.userId()) || upload.expiresAt().isBefore(Instant.now())) {
        throw new NotFoundException("No upload " + id);
      }
      return upload;
    });
  }

  /**
   * Appends the body at {@code offset}; 409 when that is not where the upload stands, or another PATCH
   * writes to it. A complete upload that did not become a contribution (its node stopped, or the submission
   * was refused) is submitted again by a PATCH at its length.
   */
  public Future<Upload> append(Actor actor, String id, long offset, ReadStream<Buffer> body) {
    return find(actor, id).compose(upload -> {
      if (upload.offset() != offset || upload.contributionId() != null) {
        return Future.failedFuture(new ConflictException("Upload-Offset must be " + upload.offset()));
      }
      return bytes.underLease(id, offset, held -> bytes.write(held, body)
          .compose(reached -> finishIfComplete(actor, new UploadBytes.Lease(held.upload().withOffset(reached),
              held.token()))));
    });
  }

  private Future<Upload> finishIfComplete(Actor actor, UploadBytes.Lease held) {
    Upload upload = held.upload();
    if (!upload.complete()) {
      return Future.succeededFuture(upload);
    }
    JsonObject metadata = upload.metadata();
    Path assembled = dir.resolve(upload.id() + "-" + Ids.newId() + ".upload");
    StagedFile file = new StagedFile(assembled, upload.length(),
        metadata.getString("filename", metadata.getString("name")), metadata.getString("filetype", metadata.getString("type")));
    return bytes.assemble(held, assembled)
        .compose(v -> contributions.submit(actor, upload.groupId(), draftOf(metadata), file))
        .compose(c -> store.setContribution(upload.id(), c.id(), c.number())
            .compose(v -> bytes.remove(List.of(upload.id())))
            .map(v -> new Upload(upload.id(), upload.userId(), upload.groupId(), upload.length(), upload.offset(),
                metadata, upload.createdAt(), upload.expiresAt(), c.id(), c.number())))
        .eventually(() -> vertx.fileSystem().delete(assembled.toString()).otherwiseEmpty());
  }

  public Future<Void> terminate(Actor actor, String id) {
    return find(actor, id)
        .compose(upload -> store.delete(id))
        .compose(v -> bytes.remove(List.of(id)));
  }

  /** Removes the uploads that expired before {@code now}, and their bytes; answers how many. */
  Future<Integer> removeExpired(Instant now) {
    return store.deleteExpired(now).compose(ids -> bytes.remove(ids).map(ids.size()));
  }

  private static ContributionDraft draftOf(JsonObject metadata) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    metadata.forEach(e -> {
      if (!FILE_KEYS.contains(e.getKey())) {
        form.add(e.getKey(), String.valueOf(e.getValue()));
      }
    });
    return ContributionDraft.fromForm(form);
  }

  /** {@code key base64,key2 base64}: the tus Upload-Metadata header. */
  static JsonObject parseMetadata(String header) {
    JsonObject metadata = new JsonObject();
    if (header == null || header.isBlank()) {
      throw InvalidInputException.of("Upload-Metadata", "must carry groupId, title and source");
    }
    for (String pair : header.split(",")) {
      String[] parts = pair.strip().split(" ", 2);
      if (parts[0].isEmpty() || !parts[0].matches("[A-Za-z][A-Za-z0-9_-]{0,40}")) {
        throw InvalidInputException.of("Upload-Metadata", "has a malformed key");
      }
      try {
        String value = parts.length == 2 ? new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8) : "";
        metadata.put(parts[0], value);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("Upload-Metadata." + parts[0], "is not valid base64");
      }
    }
    return metadata;
  }
}
