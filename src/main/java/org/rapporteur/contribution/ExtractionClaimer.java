package org.rapporteur.contribution;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's taker of extraction jobs: at most {@code workers} at once, each claimed atomically in
 * MongoDB and its lease renewed while the file is read. Woken on the clustered event bus when a job is
 * queued anywhere, and by a timer, which also finds the jobs of nodes that died (their leases ended).
 * A job whose attempt fails is left to its lease, so it is tried again one lease length later.
 */
final class ExtractionClaimer {
  /** Published (to every node of a cluster) when a job is queued: a hint, the queue is in MongoDB. */
  static final String WAKE = "rapporteur.contribution.extraction.queued";
  private static final Logger log = LoggerFactory.getLogger(ExtractionClaimer.class);

  /** What a claimed job is done with. */
  interface Runner {
    /** Reads the job's file and stores the result, if {@code held} still answers true just before storing. */
    Future<Void> extract(ExtractionJob job, Supplier<Future<Boolean>> held);

    /** Records that the job's file failed, after {@code job.attempts()} claims. */
    Future<Void> giveUp(ExtractionJob job);
  }

  private final Vertx vertx;
  private final ExtractionJobStore jobs;
  private final String holder;
  private final ContributionsConfig.Extraction config;
  private final Runner runner;
  private Context context;
  private MessageConsumer<Object> wakeUps;
  private long pollTimer = -1;
  private int running;
  private boolean claiming;
  private boolean wokenWhileClaiming;
  private volatile boolean stopped;

  ExtractionClaimer(Vertx vertx, ExtractionJobStore jobs, String holder, ContributionsConfig.Extraction config,
      Runner runner) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.holder = holder;
    this.config = config;
    this.runner = runner;
  }

  Future<Void> start() {
    context = vertx.getOrCreateContext();
    wakeUps = vertx.eventBus().consumer(WAKE, message -> wake());
    pollTimer = vertx.setPeriodic(config.poll().toMillis(), id -> wake());
    return wakeUps.completion().onSuccess(v -> wake());
  }

  /** Looks for jobs now, on the claimer's own context, so its counters need no locks. */
  void wake() {
    if (context != null && !stopped) {
      context.runOnContext(v -> claimMore());
    }
  }

  /** Tells every node's claimer that a job was queued. */
  static void announceQueued(Vertx vertx) {
    vertx.eventBus().publish(WAKE, null);
  }

  private void claimMore() {
    if (claiming) {
      wokenWhileClaiming = true;
      return;
    }
    if (stopped || running >= config.workers()) {
      return;
    }
    claiming = true;
    wokenWhileClaiming = false;
    jobs.claim(holder, until()).onComplete(claimed -> {
      claiming = false;
      if (claimed.failed()) {
        log.warn("Could not claim an extraction job", claimed.cause());
        return;
      }
      claimed.result().ifPresent(job -> {
        running++;
        handle(job).onComplete(done -> context.runOnContext(v -> {
          running--;
          claimMore();
        }));
      });
      if (claimed.result().isPresent() || wokenWhileClaiming) {
        claimMore();
      }
    });
  }

  private Future<Void> handle(ExtractionJob job) {
    log.info("Claimed extraction job {} (attempt {}) as {}", job.id(), job.attempts(), holder);
    if (job.attempts() > config.maxAttempts()) {
      return runner.giveUp(job).compose(v -> jobs.remove(job.id(), holder)).<Void>mapEmpty()
          .onFailure(e -> log.warn("Could not give up extraction job {}", job.id(), e));
    }
    long renewal = vertx.setPeriodic(Math.max(100, config.lease().toMillis() / 3),
        id -> jobs.renew(job.id(), holder, until()));
    return runner.extract(job, () -> jobs.renew(job.id(), holder, until()))
        .compose(v -> jobs.remove(job.id(), holder)).<Void>mapEmpty()
        .recover(e -> {
          if (stopped) {
            // An orderly stop: another node takes the job at once rather than after the lease.
            return jobs.release(job.id(), holder).otherwiseEmpty();
          }
          log.warn("Extraction job {} failed on attempt {}; it is tried again when its lease ends", job.id(),
              job.attempts(), e);
          return Future.succeededFuture();
        })
        .eventually(() -> {
          vertx.cancelTimer(renewal);
          return Future.succeededFuture();
        });
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(pollTimer);
    if (wakeUps != null) {
      wakeUps.unregister();
    }
  }

  private Instant until() {
    return Instant.now().plus(config.lease());
  }
}
