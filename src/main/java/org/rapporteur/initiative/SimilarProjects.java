package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.rapporteur.index.IndexFeed;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.index.RebuildSource;
import org.rapporteur.index.SubjectAnalyzers;
import org.rapporteur.platform.events.Addresses;

/**
 * "Similar work in other regions" (Resolution 17, resolves 6 and 7): an index of the projects'
 * texts and tags in {@code DATA_DIR/projects} on an {@link IndexPipeline} that the composition root
 * builds with {@link #index}, fed by {@link ProjectChanged} events and rebuilt from the project
 * records handed to it, so that it never asks the project service for a project. Who may ask about which project is
 * the caller's business; this answers for published projects only unless told otherwise.
 */
public final class SimilarProjects {
  /** Written with every commit; an index of another schema is emptied at start and rebuilt. */
  static final Map<String, String> SCHEMA = Map.of("projects.schema", "1-per-language-with-tags");
  /** Words every project description in English uses: they say nothing about its subject. */
  private static final List<String> BOILERPLATE = List.of("itu", "itu-d", "ict", "icts", "telecommunication",
      "telecommunications", "project", "projects", "programme", "initiative", "region", "regional", "country",
      "countries", "member", "states", "development", "developing", "support", "supporting", "also", "including",
      "through", "within", "their", "its", "other", "new");

  private final IndexPipeline pipeline;
  private final SimilarityConfig config;
  private volatile ProjectSimilarity similarity;
  private List<SimilarMatch.Pair> cachedSynergies;
  private long synergiesVersion = -1;

  /** {@code pipeline}: the one {@link #index} builds. */
  public SimilarProjects(IndexPipeline pipeline, SimilarityConfig config) {
    this.pipeline = pipeline;
    this.config = config;
  }

  /** The projects' index in {@code dir}, filled from {@code projects} when it is empty, then following their changes. */
  public static IndexPipeline index(Vertx vertx, Path dir, SimilarityConfig config,
      RebuildSource<ProjectChanged> projects) {
    return new IndexPipeline(vertx, new IndexPipeline.Settings("projects", dir,
        () -> new SubjectAnalyzers(BOILERPLATE).perField(), SCHEMA, config.writeQueueLength(), 2),
        List.of(IndexFeed.events(Addresses.PROJECT_CHANGED, ProjectChanged::fromJson, ProjectIndexMapper::change,
            projects)));
  }

  public Future<Void> start() {
    return pipeline.start().map(rebuilt -> {
      similarity = new ProjectSimilarity(pipeline.analyzer());
      return null;
    });
  }

  /** Empties the index and writes every project again; answers how many. */
  public Future<Integer> rebuild() {
    return pipeline.rebuild();
  }

  /**
   * Up to {@code limit} projects of other regions most alike the project {@code id}, best first, and
   * how many there are; none while the index has not taken the project in yet.
   */
  public Future<Page<SimilarMatch>> similar(String id, boolean includeUnpublished, int limit) {
    return pipeline.read(lucene -> lucene.read(searcher -> similarity.similar(searcher, id, includeUnpublished,
        config.minScore()))).map(all -> all == null ? new Page<>(List.of(), 0)
            : new Page<>(List.copyOf(all.subList(0, Math.min(limit, all.size()))), all.size()));
  }

  /** The strongest cross-region pairs, published or not: for the secretariat. */
  public Future<Page<SimilarMatch.Pair>> synergies(int offset, int limit) {
    return pipeline.read(lucene -> lucene.read(searcher -> {
      long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
      synchronized (this) {
        if (cachedSynergies == null || synergiesVersion != version) {
          cachedSynergies = similarity.synergies(searcher, config.minScore());
          synergiesVersion = version;
        }
        return cachedSynergies;
      }
    })).map(all -> new Page<>(List.copyOf(all.subList(Math.min(offset, all.size()),
        Math.min(offset + limit, all.size()))), all.size()));
  }

  /** Changes not yet written to the index (0 before it starts). */
  public int indexLag() {
    return pipeline == null ? 0 : pipeline.lag();
  }

  public Future<Void> stop() {
    return pipeline.stop();
  }
}
