package org.rapporteur.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server on 127.0.0.1 with its data in one H2 file under the data folder. The
 * application talks to it through the ordinary MongoDB driver, exactly as to a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static final int NETWORK_THREADS = 16;
  /**
   * H2's default page cache is 16 MiB. Every commit makes new copies of the pages it changed and the
   * cache keeps them for a while, long enough to survive a young collection or two: with a small
   * cache the collector copies far less, and a chat room's young-collection pauses fall from about
   * 13 to about 7 ms (BENCHMARKS.md). Pages not in the cache are read from the file, which the
   * operating system caches anyway.
   */
  public static final int DEFAULT_CACHE_MIB = 1;

  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  /**
   * Blocking: opens the file and binds a port. Call at start-up, before the event loops work.
   * {@code cacheMiB} is the page cache of the store (see {@link #DEFAULT_CACHE_MIB}).
   */
  public static EmbeddedMongo start(Path dataDir, boolean fsync, int cacheMiB) {
    return start(dataDir, fsync, cacheMiB, new InetSocketAddress("127.0.0.1", 0));
  }

  /** As {@link #start(Path, boolean, int)}, listening where several server processes reach it ({@code --database-only}). */
  public static EmbeddedMongo start(Path dataDir, boolean fsync, int cacheMiB, InetSocketAddress listen) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OptimizingCompilerExclusion.apply();
    MVStore store = new MVStore.Builder()
        .fileName(dataDir.resolve("mongo.mv.db").toString())
        .compress()
        .cacheSize(cacheMiB)
        .open();
    // H2 keeps a dead chunk of its file 45 s before reusing its space, in case the operating system
    // still holds the writes that made it dead: reused earlier, a power cut could leave a file whose
    // last state on disk needs it. A store forced to disk after every commit has no such writes, so it
    // reuses the space at once. Besides a smaller file, that spares the collector: at one commit per
    // chat message, some 500 bytes per commit lived the 45 s, copied at each of 15 young collections.
    if (fsync) {
      store.setRetentionTime(0);
    }
    MongoServer server = new MongoServer(new CommitOnWriteH2Backend(store, fsync));
    // More network threads than the default (two per core): a connection busy committing a large
    // write then rarely delays another connection's quick command, such as the health check's ping.
    server.bind(listen, 1, NETWORK_THREADS);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedMongo(server, address);
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
