package org.rapporteur.contribution;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.contribution.extract.ExtractorPool;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.events.ContributionChanged;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.TooLargeException;
import org.rapporteur.platform.errors.TooManyRequestsException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.GroupAccess;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contributions: participants upload files into a group's numbered series; the original bytes go
 * to GridFS, Tika reads them in child JVMs, and every change is audited and announced as a
 * {@link ContributionChanged} on {@link Addresses#CONTRIBUTION_CHANGED}, so the indexes follow.
 */
public final class ContributionService {
  private static final Logger log = LoggerFactory.getLogger(ContributionService.class);

  private final Vertx vertx;
  private final ContributionStore store;
  private final ContributionFileStore files;
  private final ExtractorPool extractor;
  private final WorkspaceService workspaces;
  private final AuditTrail audit;
  private final ContributionsConfig config;
  private final Path workDir;
  private final WorkerExecutor hashing;
  private final MeetingDeadlines meetings;
  private final Map<String, Future<Void>> announcing = new java.util.concurrent.ConcurrentHashMap<>();
  private final ExtractionJobStore jobs;
  private final Extractions extractions;
  private final ExtractionClaimer claimer;
  private volatile boolean stopping;

  /** {@code holder} names this process among the nodes that claim extraction jobs. */
  ContributionService(Vertx vertx, ContributionStore store, ContributionFileStore files, ExtractorPool extractor,
      ExtractionJobStore jobs, String holder, WorkerExecutor hashing, WorkspaceService workspaces, AuditTrail audit,
      MeetingDeadlines meetings, ContributionsConfig config, Path dataDir) {
    this.meetings = meetings;
    this.vertx = vertx;
    this.store = store;
    this.files = files;
    this.workDir = dataDir.resolve("extract");
    this.extractor = extractor;
    this.workspaces = workspaces;
    this.audit = audit;
    this.config = config;
    this.hashing = hashing;
    this.jobs = jobs;
    this.extractions = new Extractions(vertx, store, files, jobs, extractor, workDir, this::announce, () -> stopping);
    this.claimer = new ExtractionClaimer(vertx, jobs, holder, config.extraction(), extractions);
  }

  public Future<Void> start() {
    return vertx.fileSystem().mkdirs(workDir.toString())
        .compose(v -> store.createIndexes())
        .compose(v -> files.start())
        .compose(v -> jobs.createIndexes())
        .compose(v -> claimer.start())
        .compose(v -> extractions.enqueuePending());
  }

  public void stop() {
    stopping = true;
    claimer.stop();
    extractor.close();
  }

  public ContributionsConfig config() {
    return config;
  }

  public ExtractorPool extractor() {
    return extractor;
  }

  /** Checks that the actor may upload to the group, before any bytes are accepted. */
  public Future<GroupAccess> requireUploader(Actor actor, String groupId) {
    actor.requireSignedIn();
    return workspaces.access(actor, groupId).map(access -> {
      if (!access.isParticipant()) {
        throw new ForbiddenException("Only the group's participants upload contributions");
      }
      return access;
    });
  }

  /**
   * Checks, before any bytes are accepted, that the actor may upload a revision of
   * {@code revisionOf} to the group (see {@link RevisionAuthors}).
   */
  public Future<Void> requireReviser(Actor actor, String groupId, String revisionOf) {
    return requireUploader(actor, groupId).compose(access -> requireReviser(actor, access, revisionOf));
  }

  private Future<Void> requireReviser(Actor actor, GroupAccess access, String revisionOf) {
    return requireContribution(revisionOf).map(original -> {
      if (!original.groupId().equals(access.group().id())) {
        throw new UnprocessableException("revisionOf names a contribution of another group");
      }
      if (!RevisionAuthors.mayRevise(original, access)) {
        throw new ForbiddenException("Only the submitter of " + original.number()
            + ", a contact named in it, or the group's chairs and secretariat revise it");
      }
      return null;
    });
  }

  /** Stores a new contribution, or a new revision when {@code draft.revisionOf()} is set. */
  public Future<Contribution> submit(Actor actor, String groupId, ContributionDraft draft, StagedFile file) {
    if (file.size() == 0) {
      return Future.failedFuture(InvalidInputException.of("file", "is empty"));
    }
    if (file.size() > config.maxFileBytes()) {
      return Future.failedFuture(new TooLargeException("The file is larger than " + config.maxFileBytes() + " bytes"));
    }
    Instant now = Instant.now();
    return requireUploader(actor, groupId)
        .compose(access -> draft.revisionOf() == null ? Future.succeededFuture(access)
            : requireReviser(actor, access, draft.revisionOf()).map(access))
        .compose(access -> checkRate(actor, now).map(access))
        .compose(access -> sha256(file.path()).compose(sha -> storeFile(groupId, file, sha))
            .compose(revision -> draft.revisionOf() == null
                ? createNew(actor, access, draft, revision, now)
                : addRevision(actor, access, draft.revisionOf(), revision, now)))
        .compose(c -> store.logUpload(actor.userId(), now).map(c))
        .compose(c -> extractions.enqueue(c.id(), c.current()).map(c)
            // The contribution is stored: the answer says so; its revision stays pending, queued again at the next start.
            .recover(e -> {
              log.error("Could not queue the extraction of {}", c.id(), e);
              return Future.succeededFuture(c);
            }));
  }

  private Future<Void> checkRate(Actor actor, Instant now) {
    return store.countUploadsSince(actor.userId(), now.minus(Duration.ofHours(1))).map(count -> {
      if (count >= config.uploadsPerUserPerHour()) {
        throw new TooManyRequestsException("At most " + config.uploadsPerUserPerHour() + " uploads an hour",
            Duration.ofMinutes(10));
      }
      return null;
    });
  }

  private Future<Revision> storeFile(String groupId, StagedFile file, String sha) {
    String filename = FileNames.sanitize(file.clientFilename());
    JsonObject metadata = new JsonObject().put("groupId", groupId).put("sha256", sha).put("filename", filename);
    return files.store(file.path(), metadata).map(fileId -> new Revision(0, fileId, sha, file.size(), filename,
        declaredType(file.declaredType()), null, null, Instant.now(), Extraction.pending()));
  }

  private Future<Contribution> createNew(Actor actor, GroupAccess access, ContributionDraft draft, Revision file,
      Instant now) {
    String groupId = access.group().id();
    return deadline(draft, groupId).compose(deadline -> store.nextSeq(groupId).compose(seq -> {
      boolean late = deadline != null && now.isAfter(deadline);
      Revision first = withRev(file, 0, actor);
      Contribution contribution = new Contribution(Ids.newId(), groupId, access.group().code(), seq,
          access.group().code() + "/" + seq, draft.title(), draft.questions(), draft.source(), draft.contacts(),
          draft.purpose(), draft.meetingId(), deadline, late, ContributionStatus.SUBMITTED, actor.userId(),
          now, now, List.of(first));
      return store.insert(contribution);
    })).recover(e -> files.delete(file.fileId()).transform(ignored -> Future.failedFuture(e)))
        .compose(c -> audit.record(actor, "contribution.create", "contribution", c.id(),
            new JsonObject().put("groupId", groupId).put("number", c.number()).put("sha256", file.sha256())).map(c));
  }

  /** The deadline that makes a contribution late: the one given, else the target meeting's. */
  private Future<Instant> deadline(ContributionDraft draft, String groupId) {
    if (draft.meetingId() == null) {
      return Future.succeededFuture(draft.deadline());
    }
    return meetings.find(draft.meetingId()).map(found -> {
      MeetingDeadlines.Target target = found.orElseThrow(
          () -> new UnprocessableException("meetingId names no meeting"));
      if (!target.groupId().equals(groupId)) {
        throw new UnprocessableException("meetingId names a meeting of another group");
      }
      return draft.deadline() != null ? draft.deadline() : target.deadline();
    });
  }

  private Future<Contribution> addRevision(Actor actor, GroupAccess access, String originalId, Revision file,
      Instant now) {
    return requireContribution(originalId).compose(original -> {
      if (!original.groupId().equals(access.group().id())) {
        throw new UnprocessableException("revisionOf names a contribution of another group");
      }
      return store.nextRevision(originalId)
          .compose(rev -> store.pushRevision(originalId, withRev(file, rev, actor), ContributionStatus.REVISED, now)
              .compose(v -> audit.record(actor, "contribution.revise", "contribution", originalId,
                  new JsonObject().put("rev", rev).put("sha256", file.sha256()))));
    }).recover(e -> files.delete(file.fileId()).transform(ignored -> Future.failedFuture(e)))
        .compose(v -> requireContribution(originalId));
  }

  private static Revision withRev(Revision r, int rev, Actor actor) {
    return new Revision(rev, r.fileId(), r.sha256(), r.size(), r.filename(), r.declaredType(), actor.userId(),
        actor.name(), r.uploadedAt(), r.extraction());
  }

  public Future<Contribution> find(Actor actor, String id) {
    Ids.requirePathId(id, "contribution");
    return requireContribution(id)
        .compose(c -> workspaces.access(actor, c.groupId()).map(access -> c))
        // A contribution to a group hidden from the actor is as missing as one that never was.
        .recover(e -> Future.failedFuture(e instanceof NotFoundException ? new NotFoundException("No contribution " + id) : e));
  }

  public Future<List<Contribution>> list(Actor actor, String groupId, ContributionStatus status, String question,
      int skip, int limit) {
    return workspaces.access(actor, groupId)
        .compose(access -> store.findByGroup(groupId, status == null ? null : status.wire(), question, skip, limit));
  }

  public Future<Contribution> changeStatus(Actor actor, String id, ContributionStatus status) {
    actor.requireSignedIn();
    return find(actor, id)
        .compose(c -> workspaces.access(actor, c.groupId()).compose(access -> {
          boolean own = actor.userId() != null && actor.userId().equals(c.createdBy());
          if (!access.leadsWork() && !(own && status == ContributionStatus.WITHDRAWN)) {
            throw new ForbiddenException("Only rapporteurs, chairs and the secretariat change a contribution's status");
          }
          return store.setStatus(id, status, Instant.now());
        }))
        .compose(v -> audit.record(actor, "contribution.status", "contribution", id,
            new JsonObject().put("status", status.wire())))
        .compose(v -> requireContribution(id))
        .onSuccess(c -> announce(id));
  }

  /** The file of one revision (the current one when {@code rev} is null), for download. */
  public Future<Download> download(Actor actor, String id, Integer rev) {
    return find(actor, id).map(c -> {
      Revision revision = rev == null ? c.current() : c.revision(rev);
      if (revision == null) {
        throw new NotFoundException("No revision " + rev + " of " + c.number());
      }
      return new Download(c, revision, files.read(revision.fileId()));
    });
  }

  /** The light view of one revision. */
  public Future<LightView> lightView(Actor actor, String id, Integer rev) {
    return find(actor, id).compose(c -> {
      Revision revision = rev == null ? c.current() : c.revision(rev);
      if (revision == null) {
        throw new NotFoundException("No revision " + rev + " of " + c.number());
      }
      if (!revision.extraction().done()) {
        throw new UnprocessableException("No light view: extraction is " + revision.extraction().state()
            + (revision.extraction().reason() == null ? "" : " (" + revision.extraction().reason() + ")"));
      }
      return store.findText(id, revision.rev())
          .map(text -> LightView.of(c, revision, text.map(t -> t.getString("html")).orElse(null)));
    });
  }

  public Future<List<LineDiff.Line>> diff(Actor actor, String id, int from, int to) {
    return find(actor, id).compose(c -> {
      if (c.revision(from) == null || c.revision(to) == null) {
        throw new NotFoundException("No such revision of " + c.number());
      }
      return text(id, from).compose(a -> text(id, to).map(b -> LineDiff.diff(a, b)));
    });
  }

  private Future<String> text(String id, int rev) {
    return store.findText(id, rev).map(t -> t.map(doc -> doc.getString("text")).orElseThrow(
        () -> new UnprocessableException("Revision " + rev + " has no extracted text")));
  }

  /**
   * For rebuilding the indexes: up to {@code limit} contributions with ids after {@code afterId}
   * (null: from the first), in id order, as the events that would announce them now.
   */
  public Future<List<ContributionChanged>> changedAfter(String afterId, int limit) {
    return store.pageAfter(afterId, limit).compose(this::changed);
  }

  private Future<List<ContributionChanged>> changed(List<Contribution> page) {
    List<String> textIds = page.stream().map(c -> ContributionStore.textId(c.id(), c.current().rev())).toList();
    return store.findTexts(textIds).compose(texts -> sectors(page).map(sectors -> page.stream()
        .map(c -> changed(c, sectors.get(c.groupId()), texts.get(ContributionStore.textId(c.id(), c.current().rev()))))
        .toList()));
  }

  private Future<Map<String, String>> sectors(List<Contribution> page) {
    Map<String, Future<String>> byGroup = new HashMap<>();
    page.forEach(c -> byGroup.computeIfAbsent(c.groupId(), id -> workspaces.findGroup(id)
        .map(found -> found.map(g -> g.sector().wire()).orElse(null))));
    return Future.all(List.copyOf(byGroup.values())).map(done -> {
      Map<String, String> sectors = new HashMap<>();
      byGroup.forEach((id, sector) -> sectors.put(id, sector.result()));
      return sectors;
    });
  }

  private static ContributionChanged changed(Contribution c, String sector, String text) {
    return new ContributionChanged(c.id(), c.groupId(), c.groupCode(), sector, c.number(), c.title(), c.source(),
        c.questions(), c.status().wire(), c.meetingId(), c.current().extraction().language(), text, false);
  }

  /** For other features (agenda allocation): the contribution, without access checks. */
  public Future<java.util.Optional<Contribution>> summary(String id) {
    return Ids.isValid(id) ? store.findById(id) : Future.succeededFuture(java.util.Optional.empty());
  }

  /**
   * For the meeting feature's document register, which has checked that the reader may read the
   * meeting: the contributions sent for it or allocated on its agenda ({@code allocatedIds}).
   */
  public Future<List<Contribution>> forMeeting(String meetingId, List<String> allocatedIds, int limit) {
    return store.findForMeeting(meetingId, allocatedIds.stream().filter(Ids::isValid).toList(), limit);
  }

  /** The bytes of a contribution's current revision, for a caller that has checked access. */
  public io.vertx.core.streams.ReadStream<io.vertx.core.buffer.Buffer> currentFile(Contribution c) {
    return files.read(c.current().fileId());
  }

  public record Download(Contribution contribution, Revision revision, io.vertx.core.streams.ReadStream<io.vertx.core.buffer.Buffer> body) {}

  private Future<Contribution> requireContribution(String id) {
    return store.findById(id).map(found -> found.orElseThrow(() -> new NotFoundException("No contribution " + id)));
  }

  /**
   * Publishes the contribution as it is now, read after the write. Announcements of one contribution
   * are chained, so that a later state is never published before an earlier one.
   */
  private void announce(String id) {
    Future<Void> mine = announcing.compute(id, (key, previous) ->
        (previous == null ? Future.<Void>succeededFuture() : previous).transform(ignored -> publishCurrent(id)));
    mine.onComplete(done -> announcing.remove(id, mine));
  }

  private Future<Void> publishCurrent(String id) {
    return store.findById(id)
        .compose(found -> found.isEmpty() ? Future.succeededFuture(ContributionChanged.deleted(id))
            : changed(List.of(found.get())).map(list -> list.get(0)))
        .onSuccess(event -> vertx.eventBus().publish(Addresses.CONTRIBUTION_CHANGED, event.toJson()))
        .onFailure(e -> {
          if (!stopping) {
            log.error("Could not announce the change of contribution {}", id, e);
          }
        })
        .mapEmpty();
  }

  private Future<String> sha256(Path path) {
    return hashing.executeBlocking(() -> {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    }, false);
  }

  private static String declaredType(String type) {
    if (type == null || type.length() > 100 || !type.matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+")) {
      return null;
    }
    return type.toLowerCase(java.util.Locale.ROOT);
  }
}
