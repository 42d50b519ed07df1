package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.TestDatabase;

/**
 * The extraction queue in MongoDB as several nodes' claimers see it (no HTTP server). The runner here
 * stands for reading a file: it takes as long as a test says, and records who ran what.
 */
class ExtractionClaimerTest {
  private static Vertx vertx;
  private static TestDatabase database;
  private static MongoClient mongo;
  private static ExtractionJobStore jobs;
  private final List<ExtractionClaimer> claimers = new ArrayList<>();

  @TempDir
  static Path databaseDir;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.start(databaseDir, "jobs");
    vertx = database.vertx();
    mongo = database.mongo();
    jobs = new ExtractionJobStore(mongo);
    jobs.createIndexes().await();
  }

  @BeforeEach
  void emptyQueue() {
    mongo.removeDocuments(ExtractionJobStore.JOBS, new JsonObject()).await();
  }

  @AfterEach
  void stopClaimers() {
    claimers.forEach(ExtractionClaimer::stop);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  @DisplayName("A job whose claimer died is claimed by another node once its lease ends, and counted as a second attempt")
  void expiredLeaseIsTakenOver() {
    ExtractionJob job = enqueue();
    // node A claims the job and dies: it never renews, never finishes
    assertThat(jobs.claim("node-a", Instant.now().plusMillis(500)).await()).isPresent();
    Recorder b = new Recorder(Duration.ZERO);
    claimer("node-b", 1, Duration.ofSeconds(5), 3, b);
    Eventually.until(() -> b.runs.size(), n -> n == 1, "node B ran the job");
    assertThat(b.runs.get(0).id()).isEqualTo(job.id());
    assertThat(b.runs.get(0).attempts()).isEqualTo(2);
    Eventually.until(() -> jobs.find(job.id()).await().isEmpty(), gone -> gone, "the job removed when done");
  }

  @Test
  @DisplayName("A job is never run by two claimers at once, even when reading outlasts the lease, and a node runs at most its workers")
  void neverTwoClaimersAtOnce() {
    Map<String, AtomicInteger> runsPerJob = new ConcurrentHashMap<>();
    for (int i = 0; i < 8; i++) {
      runsPerJob.put(enqueue().id(), new AtomicInteger());
    }
    // each file takes 1.5 lease lengths: only the renewals keep the other claimers off
    Duration lease = Duration.ofMillis(600);
    List<Recorder> nodes = new ArrayList<>();
    for (int node = 0; node < 3; node++) {
      Recorder recorder = new Recorder(Duration.ofMillis(900));
      nodes.add(recorder);
      claimer("node-" + node, 2, lease, 5, recorder);
    }
    ExtractionClaimer.announceQueued(vertx);
    Eventually.until(() -> nodes.stream().mapToInt(r -> r.runs.size()).sum(), n -> n >= 8, "every job ran");
    Eventually.until(() -> mongo.count(ExtractionJobStore.JOBS, new JsonObject()).await(), n -> n == 0,
        "every job removed");
    nodes.forEach(r -> r.runs.forEach(job -> runsPerJob.get(job.id()).incrementAndGet()));
    assertThat(runsPerJob.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
    assertThat(nodes).allSatisfy(r -> assertThat(r.mostAtOnce.get()).isLessThanOrEqualTo(2));
  }

  @Test
  @DisplayName("A job that fails on every attempt ends failed after the last attempt, and leaves the queue")
  void maxAttemptsThenFailed() {
    ExtractionJob job = enqueue();
    Recorder failing = new Recorder(Duration.ZERO);
    failing.fail = true;
    claimer("node-a", 1, Duration.ofMillis(300), 3, failing);
    Eventually.until(() -> failing.givenUp.size(), n -> n == 1, "the job given up");
    assertThat(failing.runs).hasSize(3).allSatisfy(run -> assertThat(run.id()).isEqualTo(job.id()));
    assertThat(failing.givenUp.get(0).attempts()).isEqualTo(4);
    Eventually.until(() -> jobs.find(job.id()).await().isEmpty(), gone -> gone, "the job removed");
  }

  private ExtractionJob enqueue() {
    Revision revision = new Revision(0, Ids.newId(), "sha", 10, "file.txt", "text/plain", "user", "User",
        Instant.now(), Extraction.pending());
    ExtractionJob job = ExtractionJob.queue(Ids.newId(), revision, Instant.now());
    jobs.enqueue(job).await();
    return job;
  }

  private void claimer(String holder, int workers, Duration lease, int maxAttempts, Recorder runner) {
    ContributionsConfig.Extraction config = new ContributionsConfig.Extraction(workers, Duration.ofSeconds(60), 256,
        1000, 10, false, lease, maxAttempts, Duration.ofMillis(100));
    ExtractionClaimer claimer = new ExtractionClaimer(vertx, new ExtractionJobStore(mongo), holder, config, runner);
    claimers.add(claimer);
    vertx.getOrCreateContext().runOnContext(v -> claimer.start());
  }

  private static final class Recorder implements ExtractionClaimer.Runner {
    final List<ExtractionJob> runs = new CopyOnWriteArrayList<>();
    final List<ExtractionJob> givenUp = new CopyOnWriteArrayList<>();
    final AtomicInteger atOnce = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final Duration takes;
    volatile boolean fail;

    Recorder(Duration takes) {
      this.takes = takes;
    }

    @Override
    public Future<Void> extract(ExtractionJob job, Supplier<Future<Boolean>> held) {
      runs.add(job);
      mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
      Future<Void> reading = takes.isZero() ? Future.succeededFuture()
          : vertx.timer(takes.toMillis()).mapEmpty();
      return reading.eventually(() -> {
        atOnce.decrementAndGet();
        return Future.succeededFuture();
      }).compose(v -> fail ? Future.failedFuture(new IllegalStateException("unreadable"))
          : held.get().compose(ours -> ours ? Future.<Void>succeededFuture()
              : Future.failedFuture(new IllegalStateException("lost the lease"))));
    }

    @Override
    public Future<Void> giveUp(ExtractionJob job) {
      givenUp.add(job);
      return Future.succeededFuture();
    }
  }
}
