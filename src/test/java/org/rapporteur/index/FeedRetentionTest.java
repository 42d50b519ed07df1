package org.rapporteur.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.platform.cluster.LeaseStore;
import org.rapporteur.platform.cluster.LeasedWork;
import org.rapporteur.platform.events.ChangeFeed;
import org.rapporteur.platform.events.ChangeFeedStore;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.TestDatabase;

/** Removing old change feed entries, on the one node holding the retention lease, over the embedded database. */
class FeedRetentionTest {
  private TestDatabase database;
  private Vertx vertx;
  private MongoClient mongo;
  private ChangeFeed feed;

  @BeforeEach
  void start() throws Exception {
    database = TestDatabase.start(Files.createTempDirectory("feed-retention"), "feed");
    vertx = database.vertx();
    mongo = database.mongo();
    feed = new ChangeFeed(vertx, new ChangeFeedStore(mongo));
  }

  @AfterEach
  void stop() {
    database.close();
  }

  private FeedRetention retention(String node, int days) {
    return new FeedRetention(vertx, feed, new LeasedWork(vertx, new LeaseStore(mongo, node), "change-feed-retention",
        Duration.ofSeconds(5)), new IndexConfig(2000, 200, days, 60, 10));
  }

  @Test
  @DisplayName("Only the node holding the retention lease removes entries, and only those older than the retention")
  void onlyTheLeaseHolderTrimsEntriesPastRetention() {
    for (int i = 0; i < 5; i++) {
      feed.append("test.a", new JsonObject().put("n", i)).await();
    }
    FeedRetention keeper = retention("node-1", 7);
    keeper.start().await();
    assertThat(keeper.trimIfHeld().await()).as("nothing is a week old").isZero();
    keeper.stop().await();

    FeedRetention holder = retention("node-1", 0);
    FeedRetention other = retention("node-2", 0);
    holder.start().await();
    other.start().await();
    assertThat(other.trimIfHeld().await()).as("without the lease").isZero();
    assertThat(feed.state().await().trimmed()).isZero();
    assertThat(holder.trimIfHeld().await()).isEqualTo(5);
    assertThat(feed.state().await()).isEqualTo(new ChangeFeed.State(5, 5));
    holder.stop().await();
    Eventually.until(() -> other.trimIfHeld().await(), n -> n >= 0 && leaseHeld(other), "the other node takes over");
    other.stop().await();
  }

  private static boolean leaseHeld(FeedRetention retention) {
    return retention.holdsLease();
  }
}
