package org.rapporteur.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class EmbeddedIndexTest {
  private static final int DOCUMENTS = 300;

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("Unique indexes written by the stock H2 backend still find, refuse and accept keys after the upgrade")
  void uniqueIndexesWrittenBeforeStillWork(Vertx vertx) {
    MVStore store = new MVStore.Builder().fileName(dataDir.resolve("mongo.mv.db").toString()).open();
    MongoServer stock = new MongoServer(new H2Backend(store));
    stock.bind(new InetSocketAddress("127.0.0.1", 0), 1, 2);
    InetSocketAddress address = stock.getLocalAddress();
    withClient(vertx, "mongodb://127.0.0.1:" + address.getPort(), mongo -> {
      mongo.createIndexWithOptions("events", new JsonObject().put("room", 1).put("clientId", 1),
          new IndexOptions().unique(true)).await();
      for (int i = 0; i < DOCUMENTS; i++) {
        mongo.insert("events", event(i)).await();
      }
      return null;
    });
    stock.shutdownNow();
    store.close();

    EmbeddedMongo upgraded = EmbeddedMongo.start(dataDir, false, EmbeddedMongo.DEFAULT_CACHE_MIB);
    try {
      withClient(vertx, upgraded.connectionString(), mongo -> {
        JsonObject found = mongo.findOne("events", new JsonObject().put("_id", "r:137"), null).await();
        assertThat(found.getString("clientId")).isEqualTo("c-137");
        assertThat(mongo.find("events", new JsonObject().put("_id", new JsonObject()
            .put("$in", new JsonArray(List.of("r:5", "r:299", "r:300"))))).await()).hasSize(2);
        assertThatThrownBy(() -> mongo.insert("events", event(42)).await()).hasMessageContaining("E11000");
        assertThatThrownBy(() -> mongo.insert("events", event(DOCUMENTS).put("clientId", "c-7")).await())
            .hasMessageContaining("E11000");
        mongo.insert("events", event(DOCUMENTS)).await();
        mongo.removeDocument("events", new JsonObject().put("_id", "r:10")).await();
        mongo.insert("events", event(10)).await();
        assertThat(mongo.count("events", new JsonObject()).await()).isEqualTo(DOCUMENTS + 1);
        return null;
      });
    } finally {
      upgraded.close();
    }
  }

  private static JsonObject event(int seq) {
    return new JsonObject().put("_id", "r:" + seq).put("room", "r").put("seq", seq).put("clientId", "c-" + seq);
  }

  private static void withClient(Vertx vertx, String uri, Function<MongoClient, Void> work) {
    MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", uri)
        .put("db_name", "test"));
    try {
      work.apply(mongo);
    } finally {
      mongo.close().await();
    }
  }
}
