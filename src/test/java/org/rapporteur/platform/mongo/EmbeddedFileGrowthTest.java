package org.rapporteur.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(60)
class EmbeddedFileGrowthTest {
  /** H2 writes each commit as a chunk of whole blocks of this size. */
  private static final long BLOCK = 4096;
  private static final long WRITING_NANOS = TimeUnit.SECONDS.toNanos(6);
  private static final int MAX_UPDATES = 3000;

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("Forced to disk at every write, the file reuses the space of dead commits at once, not after H2's 45 s: 6 s of updates to one document leave it small")
  void forcedStoreReusesDeadCommitsAtOnce(Vertx vertx) throws Exception {
    EmbeddedMongo database = EmbeddedMongo.start(dataDir, true, EmbeddedMongo.DEFAULT_CACHE_MIB);
    MongoClient mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", database.connectionString()).put("db_name", "test"));
    try {
      mongo.insert("counters", new JsonObject().put("_id", "c").put("n", 0).put("note", "x".repeat(200))).await();
      long end = System.nanoTime() + WRITING_NANOS;
      int updates = 0;
      while (System.nanoTime() < end && updates < MAX_UPDATES) {
        mongo.updateCollection("counters", new JsonObject().put("_id", "c"),
            new JsonObject().put("$inc", new JsonObject().put("n", 1))).await();
        updates++;
        Thread.sleep(2);
      }
      assertThat(mongo.findOne("counters", new JsonObject().put("_id", "c"), null).await().getInteger("n"))
          .isEqualTo(updates);
      long size = Files.size(dataDir.resolve("mongo.mv.db"));
      // Every commit takes at least one block: kept 45 s, 6 s of commits would all still be in the file.
      assertThat(updates).isGreaterThan(300);
      assertThat(size).isLessThan(updates * BLOCK / 2);
    } finally {
      mongo.close().await();
      database.close();
    }
  }
}
