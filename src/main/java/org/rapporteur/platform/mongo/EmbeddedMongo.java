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

  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  /** Blocking: opens the file and binds a port. Call at start-up, before the event loops work. */
  public static EmbeddedMongo start(Path dataDir, boolean fsync) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MVStore store = new MVStore.Builder()
        .fileName(dataDir.resolve("mongo.mv.db").toString())
        .compress()
        .open();
    MongoServer server = new MongoServer(new CommitOnWriteH2Backend(store, fsync));
    // More network threads than the default (two per core): a connection busy committing a large
    // write then rarely delays another connection's quick command, such as the health check's ping.
    server.bind(new InetSocketAddress("127.0.0.1", 0), 1, NETWORK_THREADS);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedMongo(server, address);
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
