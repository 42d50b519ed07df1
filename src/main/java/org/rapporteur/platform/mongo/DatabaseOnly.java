package org.rapporteur.platform.mongo;

import java.net.InetSocketAddress;
import org.rapporteur.platform.config.AppConfig;

/**
 * {@code --database-only}: the embedded MongoDB-compatible database as a process of its own, which
 * several server processes share as they would share a MongoDB replica set. It listens on
 * {@code mongo.listenHost}:{@code mongo.listenPort} ({@code DB_HOST}, {@code DB_PORT}) and keeps its
 * file in the data folder, as the embedded database of a single server does.
 */
public final class DatabaseOnly {
  private DatabaseOnly() {}

  /** Blocking: opens the file and binds the port; the database serves until the process ends. */
  public static EmbeddedMongo start(AppConfig config) {
    String host = config.section("mongo", mongo -> mongo.getString("listenHost", "127.0.0.1"));
    int port = config.section("mongo", mongo -> mongo.getInteger("listenPort", 27017));
    return EmbeddedMongo.start(config.dataDir().resolve("db"), config.mongo().embeddedFsync(),
        config.mongo().embeddedCacheMiB(), new InetSocketAddress(host, port));
  }
}
