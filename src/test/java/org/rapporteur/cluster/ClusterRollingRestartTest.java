package org.rapporteur.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.ChatPeers.assertDeliveredOnceInOrder;
import static org.rapporteur.support.ChatPeers.awaitEveryAcknowledgedMessage;
import static org.rapporteur.support.ChatPeers.joinAll;
import static org.rapporteur.support.ChatPeers.waitFor;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatPeer;
import org.rapporteur.support.ChatRoom;
import org.rapporteur.support.LocalCluster;
import org.rapporteur.support.TestServer;

/**
 * The operator's rolling restart (docs/cluster.md, "Rolling restart") under chat load: three nodes
 * behind HAProxy, each stopped with SIGTERM and started again, one after the other, each once the one
 * before is back in HAProxy, while a meeting's participants talk through HAProxy.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ClusterRollingRestartTest {
  private static final int NODES = 3;
  private static final int CLIENTS = 210;
  private static final int SENDERS = 10;
  /** Each sender's pace: under the shipped limit of 10 per person per 10 s, with room for messages sent again. */
  private static final long SEND_EVERY_MILLIS = 1500;
  private static final long SETTLE_MILLIS = 4000;
  private static final short CLOSE_RESTART = 1012;

  private LocalCluster cluster;
  private Vertx vertx;

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @DisplayName("Restarting the three nodes one at a time while 210 clients chat through HAProxy: every acknowledged "
      + "message reaches every client once, in order, and every client ends connected")
  void rollingRestartLosesNothing() throws Exception {
    LocalCluster.assumeHaproxy("ClusterRollingRestartTest");
    cluster = LocalCluster.start(Files.createTempDirectory("rapporteur-rolling"), NODES);
    vertx = cluster.clients();
    WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000)
        .setConnectTimeout(5000));
    ApiClient admin = ApiClient.forPort(vertx, cluster.lbPort());
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    waitFor(() -> cluster.members(0) == NODES, "three members");

    ChatRoom room = ChatRoom.meeting(vertx, admin, cluster.lbPort(), SENDERS);
    List<ChatPeer> peers = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      peers.add(room.peer(vertx, sockets, cluster.lbPort(), cluster.origin(), i % SENDERS, "c" + i));
    }
    joinAll(peers, null);
    List<ChatPeer> talking = peers.subList(0, SENDERS);
    List<LocalCluster.Restart> restarts = new ArrayList<>();
    long timer = vertx.setPeriodic(SEND_EVERY_MILLIS, id -> talking.forEach(ChatPeer::send));
    try {
      Thread.sleep(SETTLE_MILLIS);
      for (int node = 0; node < NODES; node++) {
        int closedBefore = restartCloses(peers);
        LocalCluster.Restart restart = cluster.restart(node);
        restarts.add(restart);
        assertThat(restartCloses(peers)).as("clients of node %d told to reconnect", node).isGreaterThan(closedBefore);
        waitFor(() -> cluster.members(0) == NODES, "node " + restart.node() + " back in the cluster");
        Thread.sleep(SETTLE_MILLIS);
      }
    } finally {
      vertx.cancelTimer(timer);
    }

    awaitEveryAcknowledgedMessage(talking, peers);
    waitFor(() -> peers.stream().allMatch(ChatPeer::connected), () -> "every client connected; "
        + peers.stream().filter(p -> !p.connected()).limit(5).map(ChatPeer::summary).toList());
    int sent = talking.stream().mapToInt(p -> p.acked().size()).sum();
    int reconnects = peers.stream().mapToInt(ChatPeer::reconnects).sum();
    System.out.printf("ClusterRollingRestartTest: %d messages acknowledged, %d deliveries checked, %d reconnections; %s%n",
        sent, (long) sent * CLIENTS, reconnects, restarts);

    for (LocalCluster.Restart restart : restarts) {
      assertThat(restart.exitCode()).as("node %d stopped by its shutdown hook", restart.node()).isEqualTo(143);
      assertThat(restart.markedDownMillis()).as("HAProxy took node %d out before its WebSockets closed", restart.node())
          .isBetween(0L, cluster.unreadySeconds() * 1000L);
    }
    assertThat(peers).allSatisfy(p -> assertThat(p.closeCodes().keySet()).as(p.summary()).containsOnly(CLOSE_RESTART));
    assertThat(reconnects).as("every client told to reconnect got through at its first attempt")
        .isEqualTo(restartCloses(peers));
    assertDeliveredOnceInOrder(peers, sent);
    for (int node = 0; node < NODES; node++) {
      assertThat(cluster.members(node)).as("members seen by node %d", node).isEqualTo(NODES);
    }
    peers.forEach(ChatPeer::stop);
  }

  private static int restartCloses(List<ChatPeer> peers) {
    return peers.stream().mapToInt(p -> p.closeCodes().getOrDefault(CLOSE_RESTART, 0)).sum();
  }
}
