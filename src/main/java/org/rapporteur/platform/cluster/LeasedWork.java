package org.rapporteur.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that runs on one process of the cluster at a time: this process keeps trying to take the
 * work's lease, renews it while it lives, and runs the work only while it holds it. A process that
 * dies stops renewing; another takes the lease once it ends, within one lease length.
 */
public final class LeasedWork {
  private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

  private final Vertx vertx;
  private final LeaseStore leases;
  private final String name;
  private final Duration length;
  private long renewTimer = -1;
  private volatile boolean held;
  private volatile boolean stopped;

  public LeasedWork(Vertx vertx, LeaseStore leases, String name, Duration length) {
    this.vertx = vertx;
    this.leases = leases;
    this.name = name;
    this.length = length;
  }

  /** Starts taking and renewing the lease, three times per lease length. */
  public Future<Void> start() {
    renewTimer = vertx.setPeriodic(Math.max(100, length.toMillis() / 3), id -> renew());
    return renew();
  }

  private Future<Void> renew() {
    if (stopped) {
      return Future.succeededFuture();
    }
    return leases.take(name, length).map(ours -> {
      if (ours != held) {
        log.info("{} the lease on {}", ours ? "Took" : "Lost", name);
      }
      held = ours && !stopped;
      return (Void) null;
    }).recover(e -> {
      // Unsure whether the renewal landed: hold off, as another process may take it when it ends.
      held = false;
      log.warn("Could not renew the lease on {}", name, e);
      return Future.succeededFuture();
    });
  }

  public boolean held() {
    return held;
  }

  /** Runs the work if this process holds the lease; answers whether it ran. */
  public <T> Future<Boolean> runIfHeld(Supplier<Future<T>> work) {
    return held ? work.get().map(true) : Future.succeededFuture(false);
  }

  public Future<Void> stop() {
    stopped = true;
    held = false;
    if (renewTimer >= 0) {
      vertx.cancelTimer(renewTimer);
    }
    return leases.release(name).otherwiseEmpty();
  }
}
