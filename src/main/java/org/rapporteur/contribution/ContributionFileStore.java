package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.GridFsUploadOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoGridFsClient;
import java.nio.file.Path;
import org.rapporteur.platform.mongo.Ids;

/** The original files in GridFS, stored under server-made names; the bytes are never changed. */
final class ContributionFileStore {
  static final String BUCKET = "contribution_files";

  private final Vertx vertx;
  private final MongoClient mongo;
  private MongoGridFsClient gridFs;

  ContributionFileStore(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
  }

  Future<Void> start() {
    return mongo.createGridFsBucketService(BUCKET).map(client -> {
      gridFs = client;
      return null;
    });
  }

  /** Streams a local file into GridFS; answers the GridFS file id. */
  Future<String> store(Path file, JsonObject metadata) {
    return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true).setWrite(false))
        .compose(stream -> gridFs.uploadByFileNameWithOptions(stream, "contribution-" + Ids.newId(),
                new GridFsUploadOptions().setMetadata(metadata))
            .eventually(() -> stream.close()));
  }

  ReadStream<Buffer> read(String fileId) {
    return gridFs.readById(fileId);
  }

  Future<Long> copyTo(String fileId, Path target) {
    return gridFs.downloadFileByID(fileId, target.toString());
  }

  Future<Void> delete(String fileId) {
    return gridFs.delete(fileId);
  }
}
