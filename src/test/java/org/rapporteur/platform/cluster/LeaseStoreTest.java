package org.rapporteur.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.TestDatabase;

/** Leases as two nodes see them, over the embedded database: one holder at a time, taken over when it ends. */
class LeaseStoreTest {
  private static Vertx vertx;
  private static TestDatabase database;
  private static MongoClient mongo;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.start(Files.createTempDirectory("leases"), "leases");
    vertx = database.vertx();
    mongo = database.mongo();
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  @DisplayName("A lease has one holder until it ends or is let go; then another node takes it")
  void oneHolderAtATimeAndTakenOverWhenItEnds() throws Exception {
    LeaseStore first = new LeaseStore(mongo, "node-a");
    LeaseStore second = new LeaseStore(mongo, "node-b");
    Duration length = Duration.ofMillis(400);
    assertThat(first.take("job", length).await()).isTrue();
    assertThat(second.take("job", length).await()).isFalse();
    assertThat(first.take("job", length).await()).as("renewed by its holder").isTrue();
    assertThat(second.holderOf("job").await()).isEqualTo("node-a");
    Thread.sleep(600);
    assertThat(second.take("job", length).await()).as("taken over once it ended").isTrue();
    assertThat(first.take("job", length).await()).isFalse();
    second.release("job").await();
    assertThat(first.take("job", length).await()).as("free once let go").isTrue();
  }

  @Test
  @DisplayName("Nodes seeding at the same moment seed one after the other")
  void startUpSeedingNeverOverlaps() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Future<Void> a = StartupSeed.underLease(vertx, new LeaseStore(mongo, "seed-a"), () -> seed(running, most, done));
    Future<Void> b = StartupSeed.underLease(vertx, new LeaseStore(mongo, "seed-b"), () -> seed(running, most, done));
    Future<Void> c = StartupSeed.underLease(vertx, new LeaseStore(mongo, "seed-c"), () -> seed(running, most, done));
    Future.all(a, b, c).await();
    assertThat(done.get()).isEqualTo(3);
    assertThat(most.get()).isEqualTo(1);
  }

  private static Future<Void> seed(AtomicInteger running, AtomicInteger most, AtomicInteger done) {
    most.accumulateAndGet(running.incrementAndGet(), Math::max);
    return vertx.timer(300).map(t -> {
      running.decrementAndGet();
      done.incrementAndGet();
      return null;
    });
  }
}
