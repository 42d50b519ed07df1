package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import org.rapporteur.contribution.extract.ExtractorPool;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.cluster.LeaseStore;
import org.rapporteur.platform.cluster.LeasedWork;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.workspace.WorkspaceService;

/** The contribution feature assembled: its service over its stores and the extractor, and its routes. */
public final class ContributionModule {
  private final Path uploadsDir;
  private final ContributionService contributions;
  private final int lightViewPartChars;
  private final ResumableUploads resumable;

  /**
   * {@code hashing}: the bounded worker pool that hashes and copies uploaded files; {@code leases}: this
   * process's leases, held {@code leaseLength} by work that runs on one node at a time.
   */
  public ContributionModule(Vertx vertx, MongoClient mongo, WorkerExecutor hashing, WorkspaceService workspaces,
      AuditTrail audit, MeetingDeadlines deadlines, ContributionsConfig config, Path dataDir, LeaseStore leases,
      Duration leaseLength) {
    this.uploadsDir = dataDir.resolve("uploads");
    this.lightViewPartChars = config.lightViewPartChars();
    ExtractorPool extractor = new ExtractorPool(vertx, config.extraction(), dataDir.resolve("extractor.log"));
    this.contributions = new ContributionService(vertx, new ContributionStore(mongo),
        new ContributionFileStore(vertx, mongo), extractor, new ExtractionJobStore(mongo), leases.holder(), hashing,
        workspaces, audit, deadlines, config, dataDir);
    this.resumable = new ResumableUploads(vertx, new UploadStore(mongo), new UploadChunkStore(mongo), contributions,
        uploadsDir, new LeasedWork(vertx, leases, "resumable-upload-expiry", leaseLength));
  }

  public Future<Void> start() {
    return contributions.start().compose(v -> resumable.start());
  }

  public void stop() {
    resumable.stop();
    contributions.stop();
  }

  public ContributionService contributions() {
    return contributions;
  }

  /** Plain uploads, and resumable ones (tus). */
  public RouteModule routes() {
    RouteModule plain = new ContributionRoutes(contributions, uploadsDir, lightViewPartChars);
    RouteModule tus = new ResumableUploadRoutes(resumable);
    return router -> {
      plain.mount(router);
      tus.mount(router);
    };
  }
}
