package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.support.TestDatabase;

/** The bytes of resumable uploads in MongoDB, as two PATCHes through two nodes see them (no HTTP server). */
class UploadBytesTest {
  private static final int CHUNK = 1024;
  private static Vertx vertx;
  private static TestDatabase database;
  private static MongoClient mongo;
  private static UploadStore uploads;
  private static UploadChunkStore chunks;

  @TempDir
  Path dir;

  @TempDir
  static Path databaseDir;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.start(databaseDir, "uploads");
    vertx = database.vertx();
    mongo = database.mongo();
    uploads = new UploadStore(mongo);
    chunks = new UploadChunkStore(mongo);
    chunks.createIndexes().await();
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  /** One node's view: its own store objects over the shared database, as each node builds them. */
  private static UploadBytes node(Duration lease) {
    return new UploadBytes(vertx, new UploadStore(mongo), new UploadChunkStore(mongo), CHUNK, lease, 5_000);
  }

  @Test
  @DisplayName("A body cut off midway keeps what arrived; a PATCH through another node resumes there, byte for byte")
  void resumesAfterAPartialPatch() throws Exception {
    byte[] file = randomBytes(5_000);
    Upload upload = newUpload(file.length);
    FedBody first = new FedBody();
    Future<Long> cut = node(Duration.ofSeconds(5)).underLease(upload.id(), 0, held -> node(Duration.ofSeconds(5))
        .write(held, first));
    first.push(Arrays.copyOfRange(file, 0, 700)).push(Arrays.copyOfRange(file, 700, 2_500)).fail();
    assertThat(cut.await()).isEqualTo(2_500);
    assertThat(offsetOf(upload)).isEqualTo(2_500);
    assertThat(chunks.count(upload.id()).await()).as("1024 + 1024 + 452 bytes").isEqualTo(3);

    UploadBytes other = node(Duration.ofSeconds(5));
    FedBody rest = new FedBody();
    Future<Long> finished = other.underLease(upload.id(), 2_500, held -> other.write(held, rest));
    rest.push(Arrays.copyOfRange(file, 2_500, file.length)).end();
    assertThat(finished.await()).isEqualTo(file.length);
    Path assembled = dir.resolve("assembled");
    other.underLease(upload.id(), file.length, held -> other.assemble(held, assembled)).await();
    assertThat(Files.readAllBytes(assembled)).isEqualTo(file);
  }

  @Test
  @DisplayName("The offset moves only from where the upload stands: a PATCH at another offset is refused and stores nothing")
  void offsetAdvancesConditionally() {
    Upload upload = newUpload(100);
    UploadBytes bytes = node(Duration.ofSeconds(5));
    assertThatThrownBy(() -> bytes.underLease(upload.id(), 10, held -> Future.succeededFuture()).await())
        .isInstanceOf(ConflictException.class).hasMessageContaining("Upload-Offset must be 0");
    String token = Ids.newId();
    assertThat(uploads.claim(upload.id(), 0, token, Instant.now().plusSeconds(5)).await()).isPresent();
    assertThat(uploads.moveOffset(upload.id(), token, 10, 20, Instant.now().plusSeconds(5)).await()).isFalse();
    assertThat(uploads.moveOffset(upload.id(), "another-token", 0, 20, Instant.now().plusSeconds(5)).await()).isFalse();
    assertThat(offsetOf(upload)).isZero();
    assertThat(chunks.count(upload.id()).await()).isZero();
  }

  @Test
  @DisplayName("While one PATCH holds an upload's lease, a second PATCH through another node is refused; after it, the next goes on")
  void leaseRefusesASecondConcurrentPatch() {
    Upload upload = newUpload(3_000);
    UploadBytes one = node(Duration.ofSeconds(5));
    UploadBytes two = node(Duration.ofSeconds(5));
    FedBody slow = new FedBody();
    Future<Long> writing = one.underLease(upload.id(), 0, held -> one.write(held, slow));
    slow.push(new byte[500]);
    org.rapporteur.support.Eventually.until(() -> writing.isComplete() || isLeased(upload), done -> done, "lease taken");
    assertThatThrownBy(() -> two.underLease(upload.id(), 0, held -> Future.succeededFuture(0L)).await())
        .isInstanceOf(ConflictException.class).hasMessageContaining("Another PATCH");
    slow.end();
    assertThat(writing.await()).isEqualTo(500);
    FedBody next = new FedBody();
    Future<Long> continued = two.underLease(upload.id(), 500, held -> two.write(held, next));
    next.push(new byte[2_500]).end();
    assertThat(continued.await()).isEqualTo(3_000);
  }

  @Test
  @DisplayName("A PATCH whose node died blocks the upload only until its lease ends; what it left past the offset is dropped")
  void leaseOfADeadPatchEnds() throws Exception {
    byte[] file = randomBytes(1_500);
    Upload upload = newUpload(file.length);
    // the dead node took the lease and stored a chunk, but died before moving the offset past it
    assertThat(uploads.claim(upload.id(), 0, "dead", Instant.now().plusMillis(400)).await()).isPresent();
    chunks.put(upload.id(), 0, io.vertx.core.buffer.Buffer.buffer(new byte[CHUNK])).await();
    UploadBytes survivor = node(Duration.ofSeconds(5));
    assertThatThrownBy(() -> survivor.underLease(upload.id(), 0, held -> Future.succeededFuture(0L)).await())
        .isInstanceOf(ConflictException.class);
    Thread.sleep(600);
    FedBody body = new FedBody();
    Future<Long> written = survivor.underLease(upload.id(), 0, held -> survivor.write(held, body));
    body.push(file).end();
    assertThat(written.await()).isEqualTo(file.length);
    Path assembled = dir.resolve("assembled");
    survivor.underLease(upload.id(), file.length, held -> survivor.assemble(held, assembled)).await();
    assertThat(Files.readAllBytes(assembled)).isEqualTo(file);
  }

  @Test
  @DisplayName("Bytes found missing on the last byte move the offset back to the end of what is stored, so the client sends the rest again")
  void missingBytesMoveTheOffsetBack() {
    Upload upload = newUpload(3_000);
    UploadBytes bytes = node(Duration.ofSeconds(5));
    FedBody body = new FedBody();
    Future<Long> written = bytes.underLease(upload.id(), 0, held -> bytes.write(held, body));
    body.push(new byte[3_000]).end();
    assertThat(written.await()).isEqualTo(3_000);
    chunks.removeFrom(upload.id(), 1_024).await();
    assertThatThrownBy(() -> bytes.underLease(upload.id(), 3_000, held -> bytes.assemble(held, dir.resolve("a"))).await())
        .isInstanceOf(ConflictException.class).hasMessageContaining("Upload-Offset must be 1024");
    assertThat(offsetOf(upload)).isEqualTo(1_024);
  }

  @Test
  @DisplayName("Expired uploads and their bytes are removed; uploads still running keep theirs")
  void expiredUploadsLoseTheirBytes() {
    Upload expired = insert(new Upload(Ids.newId(), "user", "group", 10, 4, new JsonObject(),
        Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60), null, null));
    Upload running = newUpload(10);
    chunks.put(expired.id(), 0, io.vertx.core.buffer.Buffer.buffer(new byte[4])).await();
    chunks.put(running.id(), 0, io.vertx.core.buffer.Buffer.buffer(new byte[4])).await();
    List<String> removed = uploads.deleteExpired(Instant.now()).await();
    node(Duration.ofSeconds(5)).remove(removed).await();
    assertThat(removed).contains(expired.id()).doesNotContain(running.id());
    assertThat(chunks.count(expired.id()).await()).isZero();
    assertThat(chunks.count(running.id()).await()).isEqualTo(1);
  }

  private static boolean isLeased(Upload upload) {
    return mongo.findOne(UploadStore.UPLOADS, new JsonObject().put("_id", upload.id()), null).await()
        .getJsonObject("patch") != null;
  }

  private static long offsetOf(Upload upload) {
    return uploads.find(upload.id()).await().orElseThrow().offset();
  }

  private static Upload newUpload(long length) {
    return insert(new Upload(Ids.newId(), "user", "group", length, 0, new JsonObject(), Instant.now(),
        Instant.now().plusSeconds(3600), null, null));
  }

  private static Upload insert(Upload upload) {
    uploads.insert(upload).await();
    return upload;
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
