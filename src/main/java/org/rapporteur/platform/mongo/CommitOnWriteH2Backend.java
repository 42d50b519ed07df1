package org.rapporteur.platform.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend commits its MVStore about once a second, so a crash loses the writes of the last
 * second even though they were acknowledged. This backend commits before it answers any command
 * that changed the store, so an acknowledged write survives the process being killed. With
 * {@code fsync} it also forces the file to disk, which survives a power cut at a higher cost per write.
 */
final class CommitOnWriteH2Backend extends H2Backend {
  /** Commands that never change data: they neither commit nor wait for another command's commit. */
  private static final Set<String> READS = Set.of("ping", "ismaster", "hello", "buildinfo", "find", "getmore",
      "count", "aggregate", "distinct", "listcollections", "listindexes", "killcursors", "endsessions",
      "whatsmyuri", "serverstatus", "getlasterror", "dbstats", "collstats", "connectionstatus", "getparameter",
      "hostinfo", "getlog", "getcmdlineopts");

  private final MVStore store;
  private final boolean fsync;

  CommitOnWriteH2Backend(MVStore store, boolean fsync) {
    super(store);
    this.store = store;
    this.fsync = fsync;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    Document response = super.handleCommand(channel, database, command, query);
    if (!READS.contains(command.toLowerCase(Locale.ROOT)) && store.hasUnsavedChanges()) {
      store.commit();
      if (fsync) {
        store.sync();
      }
    }
    return response;
  }
}
