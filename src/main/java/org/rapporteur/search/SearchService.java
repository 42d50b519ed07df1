package org.rapporteur.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;
import org.rapporteur.index.IndexFeed;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.index.RebuildSource;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.events.ContributionChanged;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupFilter;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Full-text search over contributions. The index is derived data on an {@link IndexPipeline} that
 * the composition root builds with {@link #index}: it follows {@link ContributionChanged} events, and
 * is rebuilt from the contributions (the system of record) when it is missing at start-up or when an
 * admin asks.
 */
public final class SearchService {
  /** Bumped when the documents' fields change, so that an older index is rebuilt. */
  private static final Map<String, String> SCHEMA = Map.of("search.schema", "2-offsets");

  private final WorkspaceService workspaces;
  private final SearchConfig config;
  private final SearchIndex queries;
  private final IndexPipeline pipeline;

  /** {@code pipeline}: the one {@link #index} builds. */
  public SearchService(IndexPipeline pipeline, WorkspaceService workspaces, SearchConfig config) {
    this.pipeline = pipeline;
    this.workspaces = workspaces;
    this.config = config;
    this.queries = new SearchIndex(config, pipeline::analyzer);
  }

  /** The contributions' index in {@code dir}, rebuilt from {@code contributions} and following their changes. */
  public static IndexPipeline index(Vertx vertx, Path dir, SearchConfig config,
      RebuildSource<ContributionChanged> contributions) {
    return new IndexPipeline(vertx, new IndexPipeline.Settings("search", dir, Analyzers::perField, SCHEMA,
        config.writeQueueLength(), 2), List.of(IndexFeed.events(Addresses.CONTRIBUTION_CHANGED,
            ContributionChanged::fromJson, SearchDocuments::change, contributions)));
  }

  public Future<Void> start() {
    return pipeline.start().mapEmpty();
  }

  public int maxPageSize() {
    return config.maxPageSize();
  }

  public int maxQueryLength() {
    return config.maxQueryLength();
  }

  /** Hits among the groups the actor may read; a query too broad to run fails naming {@code q}. */
  public Future<SearchResults> search(Actor actor, SearchQuery query) {
    // Parsed and bounded here, before any lookup or a reader thread: refusing a hostile query costs
    // one parse of at most search.maxQueryLength characters, and it never waits behind real searches.
    Query parsed;
    try {
      parsed = queries.parse(query.text());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return workspaces.listGroups(actor, new GroupFilter(null, null, null, null))
        .map(groups -> groups.stream().map(Group::id).toList())
        .compose(readable -> pipeline.read(index -> queries.search(index, parsed, query, readable)));
  }

  /** Drops the index and builds it again from the database; answers how many contributions it holds. */
  public Future<Integer> rebuild(Actor actor) {
    actor.requireSignedIn();
    if (!actor.has(GlobalRole.ADMIN)) {
      return Future.failedFuture(new ForbiddenException("Only admins rebuild the search index"));
    }
    return pipeline.rebuild();
  }

  /** Changes not yet written to the index (0 before it starts). */
  public int indexLag() {
    return pipeline == null ? 0 : pipeline.lag();
  }

  public Future<Void> stop() {
    return pipeline.stop();
  }
}
