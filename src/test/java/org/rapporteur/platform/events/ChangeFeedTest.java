package org.rapporteur.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.platform.mongo.EmbeddedMongo;

/** The change feed over the embedded database, as two nodes (two Vert.x instances, two clients) write it. */
class ChangeFeedTest {
  private EmbeddedMongo database;
  private final List<Vertx> nodes = new ArrayList<>();
  private final List<MongoClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    database = EmbeddedMongo.start(Files.createTempDirectory("change-feed"), false, 1);
  }

  @AfterEach
  void stop() {
    clients.forEach(c -> c.close().await());
    nodes.forEach(v -> v.close().await());
    database.close();
  }

  private ChangeFeed node() {
    Vertx vertx = Vertx.vertx();
    MongoClient mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", database.connectionString()).put("db_name", "feed"));
    nodes.add(vertx);
    clients.add(mongo);
    return new ChangeFeed(vertx, new ChangeFeedStore(mongo));
  }

  private static List<ChangeFeed.Entry> readAll(ChangeFeed feed) {
    List<ChangeFeed.Entry> all = new ArrayList<>();
    for (List<ChangeFeed.Entry> page = feed.read(0, 100).await(); !page.isEmpty();
        page = feed.read(all.get(all.size() - 1).seq(), 100).await()) {
      all.addAll(page);
    }
    return all;
  }

  @Test
  @DisplayName("Two nodes appending at once get numbers 1..n without a gap or a repeat, each node's in its own order")
  void concurrentAppendsFromTwoNodesStayGapFreeAndOrdered() {
    ChangeFeed a = node();
    ChangeFeed b = node();
    int each = 150;
    List<Future<Long>> appends = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      appends.add(a.append("test.a", new JsonObject().put("node", "a").put("n", i)));
      appends.add(b.append("test.b", new JsonObject().put("node", "b").put("n", i)));
    }
    Future.all(appends).await();
    List<ChangeFeed.Entry> all = readAll(a);
    assertThat(all).extracting(ChangeFeed.Entry::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * each).boxed().toList());
    assertThat(appends).extracting(Future::result).doesNotHaveDuplicates();
    Map<String, List<Integer>> byNode = all.stream().collect(Collectors.groupingBy(e -> e.body().getString("node"),
        Collectors.mapping(e -> e.body().getInteger("n"), Collectors.toList())));
    List<Integer> inOrder = java.util.stream.IntStream.range(0, each).boxed().toList();
    assertThat(byNode.get("a")).containsExactlyElementsOf(inOrder);
    assertThat(byNode.get("b")).containsExactlyElementsOf(inOrder);
    assertThat(b.head().await()).isEqualTo(2L * each);
    assertThat(all).allSatisfy(e -> assertThat(e.address()).isEqualTo("test." + e.body().getString("node")));
  }

  @Test
  @DisplayName("Trimming removes the old entries and raises the trimmed mark; the head stays exact and numbering goes on")
  void trimmingRemovesOldEntriesAndKeepsTheHead() {
    ChangeFeed feed = node();
    for (int i = 1; i <= 70; i++) {
      feed.append("test.a", new JsonObject().put("n", i)).await();
    }
    assertThat(feed.trimBefore(Instant.now().minusSeconds(3600)).await()).as("nothing is that old").isZero();
    assertThat(feed.trimBefore(Instant.now().plusSeconds(1)).await()).isEqualTo(70);
    assertThat(feed.state().await()).isEqualTo(new ChangeFeed.State(70, 70));
    assertThat(feed.read(0, 10).await()).as("what a follower at 0 finds: nothing, and the mark says why").isEmpty();
    ChangeFeed restarted = node();
    assertThat(restarted.append("test.a", new JsonObject().put("n", 71)).await()).isEqualTo(71);
    assertThat(restarted.read(70, 10).await()).extracting(ChangeFeed.Entry::seq).containsExactly(71L);
  }

  @Test
  @DisplayName("Events published in this process on a recorded address land in the feed once, in the order published")
  void recordedAddressesReachTheFeedInOrder() {
    ChangeFeed feed = node().record("test.recorded");
    Vertx vertx = nodes.get(0);
    for (int i = 0; i < 20; i++) {
      vertx.eventBus().publish("test.recorded", new JsonObject().put("n", i));
    }
    vertx.eventBus().publish("test.other", new JsonObject().put("n", -1));
    org.rapporteur.support.Eventually.until(() -> feed.head().await(), h -> h == 20, "twenty entries");
    assertThat(readAll(feed)).extracting(e -> e.body().getInteger("n"))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    feed.close().await();
  }
}
