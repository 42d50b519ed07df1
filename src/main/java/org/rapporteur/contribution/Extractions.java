package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rapporteur.contribution.extract.ExtractorPool;
import org.rapporteur.platform.mongo.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading the text of stored files, as jobs in MongoDB that any node runs: a submitted file queues a
 * job; the node that claims it copies the original from GridFS to a temporary file, reads it in a capped
 * child JVM, and stores the result. A node that dies mid-way leaves the job to another.
 */
final class Extractions implements ExtractionClaimer.Runner {
  private static final Logger log = LoggerFactory.getLogger(Extractions.class);
  static final String RETRIES = "retries";

  private final Vertx vertx;
  private final ContributionStore store;
  private final ContributionFileStore files;
  private final ExtractionJobStore jobs;
  private final ExtractorPool extractor;
  private final Path workDir;
  private final Consumer<String> announce;
  private final BooleanSupplier stopping;

  Extractions(Vertx vertx, ContributionStore store, ContributionFileStore files, ExtractionJobStore jobs,
      ExtractorPool extractor, Path workDir, Consumer<String> announce, BooleanSupplier stopping) {
    this.vertx = vertx;
    this.store = store;
    this.files = files;
    this.jobs = jobs;
    this.extractor = extractor;
    this.workDir = workDir;
    this.announce = announce;
    this.stopping = stopping;
  }

  /** Queues the revision's file and wakes the claimers of every node. */
  Future<Void> enqueue(String contributionId, Revision revision) {
    return jobs.enqueue(ExtractionJob.queue(contributionId, revision, Instant.now()))
        .onSuccess(v -> ExtractionClaimer.announceQueued(vertx));
  }

  /** Queues the revisions still pending, as stored before the queue was in MongoDB or a job was lost. */
  Future<Void> enqueuePending() {
    return store.findWithPendingExtraction().compose(list -> Future.all(list.stream()
        .flatMap(c -> c.revisions().stream()
            .filter(r -> Extraction.PENDING.equals(r.extraction().state()))
            .map(r -> enqueue(c.id(), r)))
        .toList())).mapEmpty();
  }

  @Override
  public Future<Void> extract(ExtractionJob job, Supplier<Future<Boolean>> held) {
    return pendingRevision(job).compose(revision -> {
      if (revision == null) {
        return Future.succeededFuture();
      }
      Path copy = workDir.resolve(Ids.newId() + ".bin");
      return files.copyTo(revision.fileId(), copy)
          .compose(bytes -> extractor.extract(copy, revision.filename()))
          .compose(result -> save(job, revision, result, held))
          .eventually(() -> vertx.fileSystem().delete(copy.toString()).otherwiseEmpty());
    });
  }

  private Future<Void> save(ExtractionJob job, Revision revision, JsonObject result, Supplier<Future<Boolean>> held) {
    // Stopping, a failure is most likely the stop itself: the job goes back to the queue instead of
    // recording that the server went away as the file's fault.
    if (stopping.getAsBoolean() && !Extraction.DONE.equals(result.getString("state"))) {
      return Future.failedFuture(new IllegalStateException("The server stopped during extraction"));
    }
    return held.get().compose(ours -> ours
        ? saveExtraction(job.contributionId(), revision, result).onSuccess(v -> announce.accept(job.contributionId()))
        : Future.failedFuture(new IllegalStateException("Another node took over extraction job " + job.id())));
  }

  @Override
  public Future<Void> giveUp(ExtractionJob job) {
    log.error("Extraction of {} rev {} failed: claimed {} times without an answer", job.contributionId(), job.rev(),
        job.attempts());
    JsonObject result = new JsonObject().put("state", Extraction.FAILED).put("reason", RETRIES)
        .put("detail", "Reading was interrupted " + (job.attempts() - 1) + " times");
    return pendingRevision(job).compose(revision -> revision == null ? Future.succeededFuture()
        : store.setExtraction(job.contributionId(), job.rev(), Extraction.fromResult(result, Instant.now()))
            .onSuccess(v -> announce.accept(job.contributionId())));
  }

  /** The job's revision while its extraction is pending; null once it is done, failed or gone. */
  private Future<Revision> pendingRevision(ExtractionJob job) {
    return store.findById(job.contributionId()).map(found -> found.map(c -> c.revision(job.rev()))
        .filter(r -> Extraction.PENDING.equals(r.extraction().state())).orElse(null));
  }

  private Future<Void> saveExtraction(String id, Revision revision, JsonObject result) {
    if (result.getString("sha256") != null && !result.getString("sha256").equals(revision.sha256())) {
      log.error("Stored file of {} rev {} does not match its SHA-256", id, revision.rev());
      result = new JsonObject().put("state", Extraction.FAILED).put("reason", "corrupt")
          .put("detail", "The stored bytes do not match the SHA-256 taken at upload");
    }
    Extraction extraction = Extraction.fromResult(result, Instant.now());
    log.info("Extraction of {} rev {}: {}{} in {} ms", id, revision.rev(), extraction.state(),
        extraction.reason() == null ? "" : " (" + extraction.reason() + ")", extraction.millis());
    Future<Void> text = extraction.done()
        ? store.saveText(id, revision.rev(), result.getString("text", ""), result.getString("html", ""))
        : Future.succeededFuture();
    return text.compose(v -> store.setExtraction(id, revision.rev(), extraction));
  }
}
