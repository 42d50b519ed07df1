package org.rapporteur.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that every node does, one node at a time (each node rebuilding its own index from the
 * database, say): a node waits for the named lease, renews it while the work runs, and lets go after.
 * A node that dies mid-work stops renewing, and the next takes the lease within one lease length. A
 * node that has waited {@code maxWait} works anyway: one more reader of the database is better than a
 * node that never catches up.
 */
public final class OneAtATime {
  private static final Logger log = LoggerFactory.getLogger(OneAtATime.class);
  private static final long POLL_MILLIS = 250;

  private final Vertx vertx;
  private final LeaseStore leases;
  private final Duration length;
  private final Duration maxWait;

  public OneAtATime(Vertx vertx, LeaseStore leases, Duration length, Duration maxWait) {
    this.vertx = vertx;
    this.leases = leases;
    this.length = length;
    this.maxWait = maxWait;
  }

  public <T> Future<T> run(String lease, Supplier<Future<T>> work) {
    long giveUpAt = System.nanoTime() + maxWait.toNanos();
    return take(lease, giveUpAt).compose(held -> {
      long renewing = held
          ? vertx.setPeriodic(Math.max(100, length.toMillis() / 3), id -> leases.take(lease, length)) : -1;
      return work.get().eventually(() -> {
        if (held) {
          vertx.cancelTimer(renewing);
        }
        return held ? leases.release(lease).otherwiseEmpty() : Future.succeededFuture();
      });
    });
  }

  private Future<Boolean> take(String lease, long giveUpAt) {
    return leases.take(lease, length).otherwise(false).compose(ours -> {
      if (ours) {
        return Future.succeededFuture(true);
      }
      if (System.nanoTime() > giveUpAt) {
        log.warn("Waited {} for the lease on {}; working without it", maxWait, lease);
        return Future.succeededFuture(false);
      }
      return vertx.timer(POLL_MILLIS).compose(t -> take(lease, giveUpAt));
    });
  }
}
