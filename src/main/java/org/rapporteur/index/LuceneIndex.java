package org.rapporteur.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
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
 * opened, so that it is rebuilt rather than read with the wrong fields. A commit may also carry a
 * cursor: how far into the change feed the committed documents go, committed with them.
 */
public final class LuceneIndex implements AutoCloseable {
  private static final String CURSOR = "feed.cursor";

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, String> commitData;

  private LuceneIndex(FSDirectory directory, IndexWriter writer, Map<String, String> commitData) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.commitData = commitData;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index in {@code dir}, creating it (and the directory) when missing. */
  public static LuceneIndex open(Path dir, Analyzer analyzer, Map<String, String> schema) {
    try {
      Files.createDirectories(dir);
      FSDirectory directory = FSDirectory.open(dir);
      boolean exists = DirectoryReader.indexExists(directory);
      Map<String, String> committed = exists
          ? new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData()) : new HashMap<>();
      String cursor = committed.remove(CURSOR);
      boolean current = !exists || committed.equals(schema);
      Map<String, String> data = new HashMap<>(schema);
      IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      if (current && cursor != null) {
        data.put(CURSOR, cursor);
      }
      writer.setLiveCommitData(Map.copyOf(data).entrySet());
      if (!current) {
        writer.deleteAll();
        writer.commit();
      }
      return new LuceneIndex(directory, writer, data);
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

  /** How far into the change feed the last commit goes, or null when it does not say (new, emptied, or mid-rebuild). */
  public synchronized Long cursor() {
    String cursor = commitData.get(CURSOR);
    return cursor == null ? null : Long.valueOf(cursor);
  }

  /** Commits from now on carry no cursor, until {@link #commit(Long)} gives one: a rebuild under way covers nothing yet. */
  public synchronized void forgetCursor() {
    commitData.remove(CURSOR);
    writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
  }

  /** Commits with {@code cursor} (or with none, when null): the documents and the cursor they cover land together. */
  public void commit(Long cursor) {
    synchronized (this) {
      if (cursor == null) {
        commitData.remove(CURSOR);
      } else {
        commitData.put(CURSOR, String.valueOf(cursor));
      }
      writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
    }
    commit();
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
