package org.rapporteur.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs the start-up seeding (admin account, demo data) of one node at a time. Seeding is idempotent,
 * but two nodes seeding at the same moment would both find nothing and both create it; under the
 * lease the second finds what the first made. A node that dies while seeding lets the lease run out.
 */
public final class StartupSeed {
  static final String LEASE = "start-up-seed";
  private static final Duration LENGTH = Duration.ofMinutes(2);
  private static final long POLL_MILLIS = 250;
  /** Longer than a lease: a dead seeder's lease has ended by then. */
  private static final int MAX_POLLS = (int) (LENGTH.toMillis() * 3 / 2 / POLL_MILLIS);

  private StartupSeed() {}

  public static Future<Void> underLease(Vertx vertx, LeaseStore leases, Supplier<Future<Void>> seed) {
    return take(vertx, leases, 1).compose(v -> seed.get()
        .eventually(() -> leases.release(LEASE)));
  }

  private static Future<Void> take(Vertx vertx, LeaseStore leases, int attempt) {
    return leases.take(LEASE, LENGTH).compose(ours -> {
      if (ours) {
        return Future.succeededFuture();
      }
      if (attempt >= MAX_POLLS) {
        return Future.failedFuture(new IllegalStateException("Another node kept the start-up lease " + LEASE));
      }
      return vertx.timer(POLL_MILLIS).compose(t -> take(vertx, leases, attempt + 1));
    });
  }
}
