package org.rapporteur.operate;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.mongo.EmbeddedMongo;

/**
 * Writes every collection of the database (GridFS's too) into a ZIP of JSON lines, while the server
 * keeps serving: one collection after another, each read as a stream.
 *
 * <p>What "consistent" means here: every record in the copy was stored; each collection is copied as it
 * was while it was read, not at one instant for all. Records refer to records made before them (a message
 * to its author, a contribution to its stored file), so collections that refer are copied before those
 * they refer to: room logs and other events first, then the feature records, then groups and people, and
 * GridFS last. A reference in the copy then always finds its target, and each room's log is a gap-free
 * prefix of the live one (its numbers are appended in order). Writes made during the copy may be missing
 * from it; nothing in it is half-written.
 */
public final class BackupStore implements AutoCloseable {
  static final String MANIFEST = "rapporteur-backup.json";
  static final String FORMAT = "rapporteur-backup-1";
  private static final int BATCH = 500;

  private static final String PREFIX = "collections/";
  private static final String SUFFIX = ".jsonl";

  private final MongoClient mongo;
  private final WorkerExecutor writer;

  /** Writes backups on a worker pool of one thread of its own. */
  public BackupStore(Vertx vertx, MongoClient mongo) {
    this.mongo = mongo;
    this.writer = vertx.createSharedWorkerExecutor("rapporteur-backup", 1);
  }

  @Override
  public void close() {
    writer.close();
  }

  /**
   * Loads a copy into the embedded database of {@code config}'s data folder (checked empty by the caller),
   * with no server running on it. Blocking: for the command line only.
   */
  static String restoreInto(AppConfig config, Path file) throws IOException {
    Vertx vertx = Vertx.vertx();
    EmbeddedMongo embedded = EmbeddedMongo.start(config.dataDir().resolve("db"), config.mongo().embeddedFsync(),
        config.mongo().embeddedCacheMiB());
    MongoClient mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", embedded.connectionString()).put("db_name", config.mongo().database()));
    long documents = 0;
    int collections = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry(MANIFEST) == null) {
        throw new IllegalStateException(file + " is not a Rapporteur backup (no " + MANIFEST + ")");
      }
      for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith(PREFIX)).toList()) {
        String name = entry.getName().substring(PREFIX.length(), entry.getName().length() - SUFFIX.length());
        documents += load(zip, entry, name, mongo);
        collections++;
      }
    } finally {
      mongo.close().await();
      embedded.close();
      vertx.close().await();
    }
    return "Restored " + documents + " records in " + collections + " collections into " + config.dataDir();
  }

  private static long load(ZipFile zip, ZipEntry entry, String collection, MongoClient mongo) throws IOException {
    long count = 0;
    mongo.createCollection(collection).recover(e -> Future.succeededFuture()).await();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
        StandardCharsets.UTF_8))) {
      List<BulkOperation> batch = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          batch.add(BulkOperation.createInsert(new JsonObject(line)));
        }
        if (batch.size() == BATCH) {
          count += insert(mongo, collection, batch);
        }
      }
      count += insert(mongo, collection, batch);
    }
    return count;
  }

  private static int insert(MongoClient mongo, String collection, List<BulkOperation> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    int size = batch.size();
    mongo.bulkWrite(collection, new ArrayList<>(batch)).await();
    batch.clear();
    return size;
  }

  /** Collections in the order they are copied (see the class comment). */
  static List<String> order(List<String> names) {
    List<String> sorted = new ArrayList<>(names.stream().filter(n -> !n.startsWith("system.")).toList());
    sorted.sort(Comparator.comparingInt(BackupStore::rank).thenComparing(Comparator.naturalOrder()));
    return sorted;
  }

  private static int rank(String name) {
    if (name.startsWith("chat_") || name.contains("event") || name.equals("audit") || name.equals("notifications")
        || name.endsWith("_history") || name.endsWith("_log") || name.equals("room_seq")) {
      return 0;
    }
    if (name.equals("groups") || name.equals("memberships") || name.equals("questions")) {
      return 2;
    }
    if (name.equals("users") || name.equals("sessions")) {
      return 3;
    }
    if (name.startsWith("fs.") || name.endsWith(".files") || name.endsWith(".chunks")) {
      return 4;
    }
    return 1;
  }

  /** Writes the copy to {@code target} (through a temporary file beside it); answers the manifest. */
  Future<JsonObject> writeTo(Path target) {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    JsonObject manifest = new JsonObject().put("format", FORMAT).put("startedAt", Instant.now().toString());
    JsonArray counts = new JsonArray();
    return mongo.getCollections()
        .compose(names -> writer.executeBlocking(() -> open(partial)).compose(zip -> {
          Future<Void> chain = Future.succeededFuture();
          for (String name : order(names)) {
            chain = chain.compose(v -> copy(name, zip).map(count -> {
              counts.add(new JsonObject().put("name", name).put("documents", count));
              return null;
            }));
          }
          return chain.compose(v -> writer.executeBlocking(() -> {
            manifest.put("finishedAt", Instant.now().toString()).put("collections", counts);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.encodePrettily().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
          }, true)).onFailure(e -> writer.executeBlocking(() -> {
            zip.close();
            return Files.deleteIfExists(partial);
          }, true));
        }));
  }

  private static ZipOutputStream open(Path partial) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
    return new ZipOutputStream(out);
  }

  /** Streams one collection in _id order into its entry; each batch is written on the worker before more is read. */
  private Future<Long> copy(String name, ZipOutputStream zip) {
    Promise<Long> done = Promise.promise();
    writer.executeBlocking(() -> {
      zip.putNextEntry(new ZipEntry(PREFIX + name + SUFFIX));
      return null;
    }, true).onSuccess(v -> {
      ReadStream<JsonObject> stream = mongo.findBatchWithOptions(name, new JsonObject(),
          new FindOptions().setSort(new JsonObject().put("_id", 1)).setBatchSize(BATCH));
      List<String> pending = new ArrayList<>();
      long[] count = {0};
      Future<?>[] last = {Future.succeededFuture()};
      stream.exceptionHandler(done::tryFail);
      stream.handler(document -> {
        pending.add(document.encode());
        count[0]++;
        if (pending.size() >= BATCH) {
          stream.pause();
          last[0] = write(zip, drain(pending)).onSuccess(w -> stream.resume()).onFailure(done::tryFail);
        }
      });
      stream.endHandler(end -> last[0]
          .compose(w -> write(zip, drain(pending)))
          .compose(w -> writer.executeBlocking(() -> {
            zip.closeEntry();
            return null;
          }, true))
          .onSuccess(w -> done.tryComplete(count[0]))
          .onFailure(done::tryFail));
    }).onFailure(done::tryFail);
    return done.future();
  }

  private static List<String> drain(List<String> pending) {
    List<String> lines = new ArrayList<>(pending);
    pending.clear();
    return lines;
  }

  private Future<Void> write(ZipOutputStream zip, List<String> lines) {
    if (lines.isEmpty()) {
      return Future.succeededFuture();
    }
    return writer.executeBlocking(() -> {
      try {
        for (String line : lines) {
          zip.write(line.getBytes(StandardCharsets.UTF_8));
          zip.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    }, true);
  }
}
