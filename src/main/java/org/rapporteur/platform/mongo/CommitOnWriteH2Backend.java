package org.rapporteur.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend commits its MVStore about once a second, so a crash loses the writes of the last
 * second even though they were acknowledged. This backend commits before it answers any command
 * that changed the store, so an acknowledged write survives the process being killed. With
 * {@code fsync} it also forces the file to disk, which survives a power cut at a higher cost per write.
 * Its unique indexes compare keys without serializing them on every step ({@link SerializedKey}).
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

  /** Called from the super constructor, so it may use only what {@link H2Backend} has set by then. */
  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  /**
   * Opens each unique index over the same map as {@link H2Database} does, with {@link SerializedKey}s.
   * An inner class: the super constructor opens the indexes before a field of this class could be
   * set, so the store comes from the enclosing backend.
   */
  private final class Database extends H2Database {
    Database(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      MVMap<SerializedKey, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName)
          + "._index_" + indexName, new MVMap.Builder<SerializedKey, Object>().keyType(SerializedKey.TYPE));
      return new SerializedKeyUniqueIndex(map, indexName, keys, sparse);
    }
  }
}
