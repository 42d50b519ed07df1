package org.rapporteur.contribution.extract;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import org.rapporteur.contribution.ContributionsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of warm extractor child JVMs. Each worker thread owns one child, feeds it one file
 * at a time and waits for its answer at most the configured time; a child that overruns or dies is
 * killed and replaced, and the file fails with a reason. Children start on first use, or one at start when
 * {@code contributions.extraction.warmAtStart}.
 */
public final class ExtractorPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExtractorPool.class);

  private final Vertx vertx;
  private final ContributionsConfig.Extraction config;
  private final BlockingQueue<Job> queue;
  private final List<ExtractorWorker> workers = new ArrayList<>();
  private final Path logFile;
  private volatile boolean warm;
  private volatile BiConsumer<String, String> outcomes = (state, reason) -> {};

  record Job(Path file, String name, Promise<JsonObject> promise, Context context) {
    void complete(JsonObject result) {
      context.runOnContext(v -> promise.complete(result));
    }
  }

  public ExtractorPool(Vertx vertx, ContributionsConfig.Extraction config, Path logFile) {
    this.vertx = vertx;
    this.config = config;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueLength()));
    this.logFile = logFile;
  }

  /**
   * Extracts one file in a child JVM; never fails: a problem is a result with {@code state: failed}.
   * {@code name}, the uploaded file's name or null, helps to detect formats the bytes alone do not reveal.
   */
  public Future<JsonObject> extract(Path file, String name) {
    startWorkersOnce();
    Promise<JsonObject> promise = Promise.promise();
    Job job = new Job(file, name, promise, vertx.getOrCreateContext());
    if (!queue.offer(job)) {
      log.warn("Extraction queue is full; {} fails as overloaded", file.getFileName());
      outcomes.accept("failed", "overloaded");
      return Future.succeededFuture(failed("overloaded", "The extraction queue is full"));
    }
    return promise.future().onSuccess(result -> outcomes.accept(result.getString("state"), result.getString("reason")));
  }

  private synchronized void startWorkersOnce() {
    if (!workers.isEmpty()) {
      return;
    }
    for (int i = 0; i < config.workers(); i++) {
      ExtractorWorker worker = new ExtractorWorker(i, queue, config, logFile, () -> warm = true);
      if (i == 0 && config.warmAtStart()) {
        worker.warmAtStart();
      }
      workers.add(worker);
      worker.start();
    }
  }

  /**
   * Starts the worker threads now, and with {@code warmAtStart} one child JVM on its worker's thread (never on
   * an event loop), so that readiness can say the extractors are warm before the first upload.
   */
  public void start() {
    startWorkersOnce();
  }

  /** Whether a child has started and answered at least once: a file handed in now does not wait for a JVM. */
  public boolean warm() {
    return warm;
  }

  /** Files waiting for a child. */
  public int queueLength() {
    return queue.size();
  }

  /** Whether a file handed in now would be taken (the queue has room). */
  public boolean accepting() {
    return queue.remainingCapacity() > 0;
  }

  /** Who is told each extraction's state ({@code done}, {@code failed}) and reason, for the metrics. */
  public void observeOutcomes(BiConsumer<String, String> observer) {
    this.outcomes = observer;
  }

  static JsonObject failed(String reason, String detail) {
    return new JsonObject().put("state", "failed").put("reason", reason).put("detail", detail);
  }

  /** The children's process ids, for measuring their memory. */
  public synchronized List<Long> childPids() {
    return workers.stream().map(ExtractorWorker::childPid).filter(pid -> pid > 0).toList();
  }

  @Override
  public synchronized void close() {
    workers.forEach(ExtractorWorker::shutdown);
    workers.clear();
    Job pending;
    while ((pending = queue.poll()) != null) {
      pending.complete(failed("timeout", "The server stopped before extraction"));
    }
  }
}
