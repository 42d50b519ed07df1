package org.rapporteur.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.LocalCluster;
import org.rapporteur.support.TestServer;

/**
 * Three nodes over one database process, behind HAProxy: every node's search index follows the change
 * feed in MongoDB, so a contribution written through one node is found through the others, and a node
 * that was killed catches up from its cursor when it starts again, without a rebuild.
 *
 * <p>The kill runs last ({@link Order}), since the test before it needs all three nodes; no test reads
 * the other's contributions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIndexFeedTest {
  private static final int NODES = 3;
  private static final long WAIT_MILLIS = 60_000;
  private static final String EXPERT = "feed-expert@example.sn";

  private static Path dir;
  private static LocalCluster cluster;
  private static Vertx vertx;
  private static String group;

  @BeforeAll
  static void startCluster() throws Exception {
    LocalCluster.assumeHaproxy("ClusterIndexFeedTest");
    dir = Files.createTempDirectory("rapporteur-cluster-feed");
    cluster = LocalCluster.start(dir, NODES);
    vertx = cluster.clients();
    ApiClient admin = ApiClient.forPort(vertx, cluster.lbPort());
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    ApiClient.forPort(vertx, cluster.lbPort()).registerAndSignIn(EXPERT, "Fatou Ndiaye");
    group = Contributions.group(admin, "FEED-RG", "public", EXPERT);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (java.io.IOException e) {
        // Only temporary files are left behind.
      }
    }
  }

  private static ApiClient expertOn(int node) {
    ApiClient client = ApiClient.forPort(vertx, cluster.nodePort(node));
    client.signIn(EXPERT, ApiClient.PASSWORD);
    return client;
  }

  private static String upload(ApiClient client, String title) {
    byte[] text = (title + ": a contribution on rural connectivity.").getBytes(StandardCharsets.UTF_8);
    return Contributions.uploadOk(client, group, "feed.txt", text, title).getString("id");
  }

  private static List<String> found(ApiClient client, String word) {
    JsonObject result = client.get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8))
        .bodyAsJsonObject();
    return result.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }

  @Test
  @Order(1)
  @DisplayName("A contribution written through one node is found through the search of each other node")
  void writtenThroughOneNodeFoundThroughTheOthers() {
    String id = upload(expertOn(0), "Heliograph relays");
    for (int node = 1; node < NODES; node++) {
      ApiClient reader = expertOn(node);
      waitFor(() -> found(reader, "heliograph").contains(id), "node " + node + " finds the contribution");
    }
  }

  @Test
  @Order(2)
  @DisplayName("A killed node started again finds what was written while it was down, caught up from its cursor without a rebuild")
  void restartedNodeCatchesUpWithoutRebuild() throws Exception {
    long cursorBefore = metric(2, "rapporteur_index_feed_cursor", "search");
    cluster.kill(2);
    ApiClient writer = expertOn(0);
    String first = upload(writer, "Semaphore towers");
    String second = upload(expertOn(1), "Semaphore beacons");
    cluster.startNode(2).get(300, TimeUnit.SECONDS);

    ApiClient reader = expertOn(2);
    waitFor(() -> found(reader, "semaphore").containsAll(List.of(first, second)), "node 2 finds both");
    assertThat(metric(2, "rapporteur_index_rebuilds_total", "search")).as("search rebuilds since start").isZero();
    assertThat(metric(2, "rapporteur_index_feed_cursor", "search")).isGreaterThan(cursorBefore);
    assertThat(Files.readString(dir.resolve("node2.log")))
        .contains("The search index caught up from feed cursor " + cursorBefore)
        .doesNotContain("The search index rebuilds");
  }

  @Test
  @Order(3)
  @DisplayName("An admin's rebuild asked through one node rebuilds the search index of every node, and the expert may not ask")
  void requestedRebuildReachesEveryNode() {
    long[] before = new long[NODES];
    for (int node = 0; node < NODES; node++) {
      before[node] = metric(node, "rapporteur_index_rebuilds_total", "search");
    }
    assertThat(expertOn(1).post("/api/search/rebuild", new JsonObject()).statusCode()).isEqualTo(403);
    ApiClient admin = ApiClient.forPort(vertx, cluster.nodePort(1));
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    var response = admin.post("/api/search/rebuild", new JsonObject());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getInteger("indexed")).isGreaterThanOrEqualTo(3);
    for (int node = 0; node < NODES; node++) {
      int n = node;
      waitFor(() -> metric(n, "rapporteur_index_rebuilds_total", "search") == before[n] + 1,
          "node " + node + " rebuilt once more");
    }
    ApiClient reader = expertOn(2);
    assertThat(found(reader, "semaphore")).hasSize(2);
  }

  /** A gauge or counter of one index, read from the node's own /metrics as the admin. */
  private static long metric(int node, String name, String index) {
    ApiClient admin = ApiClient.forPort(vertx, cluster.nodePort(node));
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    String text = admin.get("/metrics").bodyAsString();
    Matcher m = Pattern.compile(Pattern.quote(name + "{index=\"" + index + "\"} ") + "([0-9.E]+)").matcher(text);
    assertThat(m.find()).as(name + " of " + index + " on node " + node).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  private static void waitFor(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    for (int attempt = 0; attempt < 600 && System.nanoTime() < deadline; attempt++) {
      if (condition.get()) {
        return;
      }
      Contributions.sleep(100);
    }
    throw new AssertionError("Timed out waiting for: " + what);
  }
}
