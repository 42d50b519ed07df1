package org.rapporteur.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index in one directory: opened or created, written, searched and closed. Every method
 * blocks, so callers run it on worker threads ({@link IndexPipeline} does). Each commit carries the
 * schema tag the index was opened with; an index written with another tag is emptied when it is
 * opened, so that it is rebuilt rather than read with the wrong fields.
 */
public final class LuceneIndex implements AutoCloseable {
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private LuceneIndex(FSDirectory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index in {@code dir}, creating it (and the directory) when missing. */
  public static LuceneIndex open(Path dir, Analyzer analyzer, Map<String, String> schema) {
    try {
      Files.createDirectories(dir);
      FSDirectory directory = FSDirectory.open(dir);
      boolean current = !DirectoryReader.indexExists(directory)
          || SegmentInfos.readLatestCommit(directory).getUserData().equals(schema);
      IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      writer.setLiveCommitData(schema.entrySet());
      if (!current) {
        writer.deleteAll();
        writer.commit();
      }
      return new LuceneIndex(directory, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Live documents, as of the last refresh. */
  public int size() {
    return writer.getDocStats().numDocs;
  }

  /** Applies the changes in order, then commits and makes them visible to searches. */
  public void apply(Collection<IndexChange> changes) {
    changes.forEach(this::stage);
    commit();
  }

  /** Writes one change without committing it (a rebuild commits once, at its end). */
  public void stage(IndexChange change) {
    try {
      if (change instanceof IndexChange.Upsert upsert) {
        writer.updateDocument(upsert.key(), upsert.document());
      } else {
        writer.deleteDocuments(change.key());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes every document, uncommitted: a rebuild commits once it has written the new ones. */
  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void commit() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code read} on the latest searcher, released afterwards. */
  public <T> T read(SearcherFunction<T> read) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return read.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A read of the index, free to throw Lucene's {@link IOException}. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
