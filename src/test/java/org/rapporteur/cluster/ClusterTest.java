package org.rapporteur.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.ChatPeers.assertDeliveredOnceInOrder;
import static org.rapporteur.support.ChatPeers.awaitEveryAcknowledgedMessage;
import static org.rapporteur.support.ChatPeers.joinAll;
import static org.rapporteur.support.ChatPeers.lastAcked;
import static org.rapporteur.support.ChatPeers.waitFor;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatPeer;
import org.rapporteur.support.ChatRoom;
import org.rapporteur.support.LocalCluster;
import org.rapporteur.support.TestServer;

/**
 * Three server processes in one Vert.x cluster over one database process, behind HAProxy, all on
 * loopback: what a person sees through any node is what they would see through one server.
 *
 * <p>The node kill runs last ({@link Order}): the tests before it need all three nodes, and starting a
 * second cluster for it would double the run on a two-core machine. No test depends on another's data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
  private static final int NODES = 3;

  private static LocalCluster cluster;
  private static Vertx vertx;
  private static WebSocketClient sockets;
  private static ApiClient admin;

  @BeforeAll
  static void startCluster() throws Exception {
    LocalCluster.assumeHaproxy("ClusterTest");
    Path dir = Files.createTempDirectory("rapporteur-cluster");
    cluster = LocalCluster.start(dir, NODES);
    vertx = cluster.clients();
    sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000)
        .setConnectTimeout(5000));
    admin = ApiClient.forPort(vertx, cluster.lbPort());
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    waitFor(() -> cluster.members(0) == NODES, "three members");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("Health through each node counts every member of the cluster")
  void healthCountsMembers() {
    for (int node = 0; node < NODES; node++) {
      assertThat(cluster.members(node)).as("members seen by node %d", node).isEqualTo(NODES);
    }
  }

  @Test
  @Order(2)
  @DisplayName("Messages sent through each node reach the subscribers of every node once and in order")
  void crossNodeDeliveryOnceAndInOrder() {
    ChatRoom room = newRoom(3);
    List<ChatPeer> peers = new ArrayList<>();
    for (int node = 0; node < NODES; node++) {
      peers.add(peer(room, cluster.nodePort(node), node, "direct" + node));
    }
    joinAll(peers, null);
    for (int round = 0; round < 5; round++) {
      peers.forEach(ChatPeer::send);
    }
    waitFor(() -> peers.stream().allMatch(p -> p.unackedCount() == 0), "every message acknowledged");
    long last = lastAcked(peers);
    waitFor(() -> peers.stream().allMatch(p -> p.lastSeq() >= last), "every peer has every message");
    assertDeliveredOnceInOrder(peers, 15);
    peers.forEach(ChatPeer::stop);
  }

  @Test
  @Order(3)
  @DisplayName("A client resumes with since through another node and gets exactly what it missed")
  void sinceResumesThroughAnotherNode() {
    ChatRoom room = newRoom(1);
    ChatPeer writer = peer(room, cluster.nodePort(0), 0, "writer");
    joinAll(List.of(writer), null);
    for (int i = 0; i < 6; i++) {
      writer.send();
    }
    waitFor(() -> writer.unackedCount() == 0 && writer.lastSeq() >= 6, "six messages stored and seen");
    long seenUpTo = writer.seqs().get(1);
    ChatPeer resumer = peer(room, cluster.nodePort(2), 0, "resumer");
    joinAll(List.of(resumer), seenUpTo);
    waitFor(() -> resumer.lastSeq() >= writer.lastSeq(), "the resumer caught up");
    assertThat(resumer.seqs()).containsExactlyElementsOf(writer.seqs().subList(2, writer.seqs().size()));
    assertThat(resumer.clientIds()).containsExactlyElementsOf(writer.clientIds().subList(2, writer.clientIds().size()));
    assertThat(resumer.problems()).isEmpty();
    writer.stop();
    resumer.stop();
  }

  @Test
  @Order(3)
  @DisplayName("Presence counts the people on every node; an agenda change and a queue change made through two nodes reach the meeting's subscribers on every node, in order")
  void presenceAgendaAndQueueAcrossNodes() {
    ChatRoom room = ChatRoom.meeting(vertx, admin, cluster.lbPort(), NODES);
    List<ChatPeer> peers = new ArrayList<>();
    for (int node = 0; node < NODES; node++) {
      peers.add(peer(room, cluster.nodePort(node), node, "meeting" + node));
    }
    joinAll(peers, null);
    for (int node = 0; node < NODES; node++) {
      ApiClient reader = ApiClient.forPort(vertx, cluster.nodePort(node));
      waitFor(() -> reader.get("/api/rooms/" + room.name() + "/presence").bodyAsJsonObject().getInteger("count") == NODES,
          "node " + node + " counts the three people connected to three nodes");
    }
    String meeting = "/api/meetings/" + room.name().substring("meeting:".length());
    ApiClient chair = ApiClient.forPort(vertx, cluster.nodePort(1));
    chair.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    var agenda = chair.put(meeting + "/agenda", new JsonObject().put("version", 0).put("items", new JsonArray()
        .add(new JsonObject().put("id", "open").put("title", "Opening").put("plannedMinutes", 10))));
    assertThat(agenda.statusCode()).as(agenda.bodyAsString()).isEqualTo(200);
    ApiClient member = ApiClient.forPort(vertx, cluster.nodePort(2));
    member.signIn(room.emails().get(0), ApiClient.PASSWORD);
    var asked = member.post(meeting + "/queue", new JsonObject().put("mode", "remote"));
    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
    waitFor(() -> peers.stream().allMatch(p -> p.kinds().contains("queue")), "every node's subscriber has the queue change");
    for (ChatPeer p : peers) {
      assertThat(p.kinds()).as(p.summary()).containsExactly("agenda", "queue");
      assertThat(p.seqs()).isEqualTo(peers.get(0).seqs());
      assertThat(p.problems()).isEmpty();
    }
    peers.forEach(ChatPeer::stop);
  }

  @Test
  @Order(4)
  @DisplayName("Wrong passwords count across nodes: past the limit every node refuses the address")
  void signInLimitIsClusterWide() {
    String email = "guessed" + System.nanoTime() + "@example.org";
    ApiClient.forPort(vertx, cluster.lbPort()).register(email, "Guessed Person");
    int limit = 5;
    for (int i = 0; i < limit; i++) {
      // Round robin: the failures land on every node in turn.
      int status = ApiClient.forPort(vertx, cluster.nodePort(i % NODES))
          .post("/api/session", new JsonObject().put("email", email).put("password", "wrong password " + i))
          .statusCode();
      assertThat(status).as("failure %d", i).isEqualTo(401);
    }
    for (int node = 0; node < NODES; node++) {
      int status = ApiClient.forPort(vertx, cluster.nodePort(node))
          .post("/api/session", new JsonObject().put("email", email).put("password", ApiClient.PASSWORD))
          .statusCode();
      assertThat(status).as("node %d after the limit", node).isEqualTo(429);
    }
  }

  @Test
  @Order(5)
  @DisplayName("One person's message allowance is shared by the nodes: sending through all three gets no more")
  void messageLimitIsClusterWide() {
    ChatRoom room = newRoom(1);
    List<ApiClient> viaNode = new ArrayList<>();
    for (int node = 0; node < NODES; node++) {
      ApiClient client = ApiClient.forPort(vertx, cluster.nodePort(node));
      client.signIn(room.emails().get(0), ApiClient.PASSWORD);
      viaNode.add(client);
    }
    int accepted = 0;
    int refused = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 24; i++) {
      int status = viaNode.get(i % NODES).post("/api/realtime/send", new JsonObject().put("room", room.name())
          .put("clientId", "limit-" + i).put("text", "message " + i)).statusCode();
      if (status == 200) {
        accepted++;
      } else if (status == 429) {
        refused++;
      } else {
        throw new AssertionError("send " + i + ": " + status);
      }
    }
    long windows = 1 + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) / 10;
    // 10 in each window of 10 s, whichever node counts them; each node alone would have let 24 through.
    assertThat(refused).isPositive();
    assertThat(accepted).isBetween(10, (int) (10 * (windows + 1)));
    assertThat(accepted).isLessThan(24);
  }

  @Test
  @Order(10)
  @DisplayName("kill -9 of a node while 300 clients chat through HAProxy: every acknowledged message reaches every client once, in order")
  void killedNodeLosesNothing() throws Exception {
    int clients = 300;
    int senders = 10;
    ChatRoom room = newRoom(10);
    List<ChatPeer> peers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      peers.add(peer(room, cluster.lbPort(), i % 10, "c" + i));
    }
    joinAll(peers, null);
    List<ChatPeer> talking = peers.subList(0, senders);
    // Under the shipped limit of one a second per person, with room for the messages sent again.
    long timer = vertx.setPeriodic(1500, id -> talking.forEach(ChatPeer::send));
    try {
      Thread.sleep(5000);
      assertThat(cluster.members(0)).isEqualTo(NODES);
      cluster.kill(1);
      waitFor(() -> cluster.members(0) == NODES - 1, "the cluster counts two members");
      assertThat(cluster.members(2)).isEqualTo(NODES - 1);
      Thread.sleep(8000);
    } finally {
      vertx.cancelTimer(timer);
    }
    awaitEveryAcknowledgedMessage(talking, peers);
    int sent = talking.stream().mapToInt(p -> p.acked().size()).sum();
    System.out.printf("ClusterTest: %d messages acknowledged, %d deliveries checked, %d reconnections%n", sent,
        (long) sent * clients, peers.stream().mapToInt(ChatPeer::reconnects).sum());
    assertThat(peers.stream().mapToInt(ChatPeer::reconnects).sum()).as("clients that lost their node").isPositive();
    assertDeliveredOnceInOrder(peers, sent);
    peers.forEach(ChatPeer::stop);
  }

  private ChatRoom newRoom(int people) {
    return ChatRoom.group(vertx, admin, cluster.lbPort(), people);
  }

  private static ChatPeer peer(ChatRoom room, int port, int person, String label) {
    return room.peer(vertx, sockets, port, cluster.origin(), person, label);
  }
}
