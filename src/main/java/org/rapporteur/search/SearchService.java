package org.rapporteur.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapporteur.account.Actor;
import org.rapporteur.account.GlobalRole;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupFilter;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-text search over contributions. The index is derived data: it follows
 * {@link ContributionService#CHANGED} events, and is rebuilt from the database when it is missing
 * at start-up or when an admin asks. Writes run on one dedicated worker thread, searches on two.
 */
public final class SearchService {
  private static final Logger log = LoggerFactory.getLogger(SearchService.class);

  private final Vertx vertx;
  private final ContributionService contributions;
  private final WorkspaceService workspaces;
  private final SearchConfig config;
  private final Path dir;
  private final WorkerExecutor writer;
  private final WorkerExecutor readers;
  private final AtomicInteger pendingWrites = new AtomicInteger();
  private SearchIndex index;
  private volatile boolean stopping;

  public SearchService(Vertx vertx, ContributionService contributions, WorkspaceService workspaces,
      SearchConfig config, Path dir) {
    this.vertx = vertx;
    this.contributions = contributions;
    this.workspaces = workspaces;
    this.config = config;
    this.dir = dir;
    this.writer = vertx.createSharedWorkerExecutor("rapporteur-search-writer-" + System.identityHashCode(this), 1);
    this.readers = vertx.createSharedWorkerExecutor("rapporteur-search-reader-" + System.identityHashCode(this), 2);
  }

  public Future<Void> start() {
    return writer.executeBlocking(() -> {
      java.nio.file.Files.createDirectories(dir);
      index = new SearchIndex(dir);
      return index.existed();
    }).compose(existed -> {
      vertx.eventBus().<JsonObject>consumer(ContributionService.CHANGED, message -> update(message.body().getString("id")));
      if (!existed) {
        rebuild().onFailure(e -> log.error("Could not build the search index", e));
      }
      return Future.succeededFuture();
    });
  }

  public int maxPageSize() {
    return config.maxPageSize();
  }

  /** Hits among the groups the actor may read. */
  public Future<SearchResults> search(Actor actor, SearchQuery query) {
    return workspaces.listGroups(actor, new GroupFilter(null, null, null, null))
        .map(groups -> groups.stream().map(Group::id).toList())
        .compose(readable -> readers.executeBlocking(() -> index.search(query, readable), false));
  }

  /** Drops the index and builds it again from the database; answers how many contributions it holds. */
  public Future<Integer> rebuild(Actor actor) {
    actor.requireSignedIn();
    if (!actor.has(GlobalRole.ADMIN)) {
      return Future.failedFuture(new ForbiddenException("Only admins rebuild the search index"));
    }
    return rebuild();
  }

  private Future<Integer> rebuild() {
    return writer.executeBlocking(() -> {
      index.deleteAll();
      return null;
    }).compose(v -> contributions.allIds())
        .compose(ids -> indexEach(ids, 0).map(ids.size()))
        .compose(count -> writer.executeBlocking(() -> {
          index.commit();
          log.info("Search index rebuilt with {} contributions", count);
          return count;
        }));
  }

  private Future<Void> indexEach(List<String> ids, int from) {
    if (from >= ids.size()) {
      return Future.succeededFuture();
    }
    return contributions.searchable(ids.get(from))
        .compose(s -> s == null ? Future.succeededFuture()
            : writer.executeBlocking(() -> {
              index.upsert(s.contribution(), s.text());
              return null;
            }))
        .compose(v -> indexEach(ids, from + 1));
  }

  private void update(String id) {
    if (stopping) {
      return;
    }
    if (pendingWrites.incrementAndGet() > config.writeQueueLength()) {
      pendingWrites.decrementAndGet();
      log.warn("Search index write queue is full; {} waits for the next rebuild", id);
      return;
    }
    contributions.searchable(id)
        .compose(s -> writer.executeBlocking(() -> {
          if (s == null) {
            index.delete(id);
          } else {
            index.upsert(s.contribution(), s.text());
          }
          index.commit();
          return null;
        }))
        .onComplete(done -> pendingWrites.decrementAndGet())
        .onFailure(e -> {
          if (!stopping) {
            log.error("Could not index contribution {}", id, e);
          }
        });
  }

  public Future<Void> stop() {
    stopping = true;
    return writer.executeBlocking(() -> {
      if (index != null) {
        index.close();
      }
      return null;
    }).eventually(() -> {
      readers.close();
      return writer.close();
    }).mapEmpty();
  }
}
