package org.rapporteur.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the cluster tests do with many {@link ChatPeer}s: join them, wait for them (longer than
 * {@link Eventually}: several processes share two cores), and check that every acknowledged message
 * reached every one of them once and in order.
 */
public final class ChatPeers {
  public static final long WAIT_MILLIS = 90_000;
  private static final int MAX_POLLS = 1000;
  private static final long POLL_MILLIS = 100;

  private ChatPeers() {}

  /** Connects and subscribes every peer ({@code since} null: at the head); fails after {@link #WAIT_MILLIS}. */
  public static void joinAll(List<ChatPeer> peers, Long since) {
    List<Future<Void>> joined = new ArrayList<>();
    for (ChatPeer peer : peers) {
      joined.add(peer.join(since));
    }
    Future.all(joined).timeout(WAIT_MILLIS, TimeUnit.MILLISECONDS).await();
  }

  public static void waitFor(BooleanSupplier done, String what) {
    waitFor(done, () -> what);
  }

  /** Polls until {@code done}, bounded in count and time; the failure says {@code what}, computed then. */
  public static void waitFor(BooleanSupplier done, Supplier<String> what) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    for (int i = 0; i < MAX_POLLS && System.currentTimeMillis() < deadline; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(what.get() + " did not happen within " + WAIT_MILLIS + " ms");
  }

  /** The highest sequence number any peer's message was acknowledged with. */
  public static long lastAcked(List<ChatPeer> peers) {
    return peers.stream().flatMap(p -> p.acked().values().stream()).mapToLong(Long::longValue).max().orElseThrow();
  }

  /**
   * {@code sent} messages were acknowledged in all; every peer got every number once, in order, without
   * a gap, and each acknowledged message at the number its sender was given.
   */
  public static void assertDeliveredOnceInOrder(List<ChatPeer> peers, int sent) {
    Map<String, Long> acked = new HashMap<>();
    peers.forEach(p -> acked.putAll(p.acked()));
    assertThat(acked).hasSize(sent);
    for (ChatPeer peer : peers) {
      assertThat(peer.problems()).isEmpty();
      List<Long> seqs = peer.seqs();
      List<String> clientIds = peer.clientIds();
      for (int i = 1; i < seqs.size(); i++) {
        assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
      }
      Map<String, Long> seen = new HashMap<>();
      for (int i = 0; i < seqs.size(); i++) {
        assertThat(seen.put(clientIds.get(i), seqs.get(i))).as("%s twice", clientIds.get(i)).isNull();
      }
      assertThat(seen).containsAllEntriesOf(acked);
    }
  }

  /**
   * Waits until every message the talkers sent is acknowledged and every peer has the last of them;
   * answers that last sequence number.
   */
  public static long awaitEveryAcknowledgedMessage(List<ChatPeer> talking, List<ChatPeer> peers) {
    waitFor(() -> talking.stream().allMatch(p -> p.unackedCount() == 0), () -> "every sent message acknowledged; "
        + talking.stream().map(ChatPeer::summary).toList());
    long last = lastAcked(talking);
    waitFor(() -> peers.stream().allMatch(p -> p.lastSeq() >= last), () -> "every client has every acknowledged message "
        + last + "; " + peers.stream().filter(p -> p.lastSeq() < last).limit(5).map(ChatPeer::summary).toList());
    return last;
  }
}
