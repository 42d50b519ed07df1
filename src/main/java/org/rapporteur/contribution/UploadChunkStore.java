package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * The bytes of resumable uploads, one document per chunk keyed by upload and offset, so that an upload
 * begun through one node continues through any other. Documents stay far below MongoDB's 16 MB limit.
 */
final class UploadChunkStore {
  static final String CHUNKS = "resumable_upload_chunks";

  private final MongoClient mongo;

  UploadChunkStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndex(CHUNKS, new JsonObject().put("uploadId", 1).put("offset", 1));
  }

  /** Stores the chunk at {@code offset}, replacing one a PATCH left there without moving the offset past it. */
  Future<Void> put(String uploadId, long offset, Buffer bytes) {
    JsonObject doc = new JsonObject().put("_id", key(uploadId, offset)).put("uploadId", uploadId).put("offset", offset)
        .put("size", bytes.length()).put("data", new JsonObject().put("$binary", bytes.getBytes()));
    return mongo.save(CHUNKS, doc).mapEmpty();
  }

  /** The chunk that starts at {@code offset}, or null. */
  Future<Buffer> find(String uploadId, long offset) {
    return mongo.findOne(CHUNKS, new JsonObject().put("_id", key(uploadId, offset)), null)
        .map(doc -> doc == null ? null : Buffer.buffer(doc.getJsonObject("data").getBinary("$binary")));
  }

  /** Removes the chunks at or past {@code offset}: what a PATCH wrote before it lost its lease. */
  Future<Void> removeFrom(String uploadId, long offset) {
    return mongo.removeDocuments(CHUNKS, new JsonObject().put("uploadId", uploadId)
        .put("offset", new JsonObject().put("$gte", offset))).mapEmpty();
  }

  Future<Void> removeAll(List<String> uploadIds) {
    if (uploadIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.removeDocuments(CHUNKS, new JsonObject().put("uploadId",
        new JsonObject().put("$in", new JsonArray(uploadIds)))).mapEmpty();
  }

  Future<Long> count(String uploadId) {
    return mongo.count(CHUNKS, new JsonObject().put("uploadId", uploadId));
  }

  /** Zero-padded, so that the keys of one upload sort by offset. */
  private static String key(String uploadId, long offset) {
    return uploadId + ":" + String.format("%015d", offset);
  }
}
