package org.rapporteur.bench;

import java.nio.file.Path;
import org.rapporteur.platform.mongo.EmbeddedMongo;

/**
 * The embedded database as a process of its own, as a real MongoDB runs beside the application:
 * {@code java -cp ... org.rapporteur.bench.StandaloneDatabase <folder> [fsync]} prints its connection
 * string on the first line and serves until killed. It forces every write to disk only when {@code fsync}
 * is true, as the server's {@code mongo.embeddedFsync} does.
 */
public final class StandaloneDatabase {
  private StandaloneDatabase() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedMongo database = EmbeddedMongo.start(Path.of(args[0]), args.length > 1 && Boolean.parseBoolean(args[1]),
        EmbeddedMongo.DEFAULT_CACHE_MIB);
    Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    System.out.println(database.connectionString());
    System.out.flush();
    Thread.currentThread().join();
  }
}
