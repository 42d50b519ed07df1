package org.rapporteur.index;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import org.rapporteur.platform.cluster.LeasedWork;
import org.rapporteur.platform.events.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the change feed's entries older than {@code index.feedRetentionDays}, on the one node that
 * holds the {@code change-feed-retention} lease. An index that was away longer than that finds its
 * cursor behind the feed's oldest entry, and rebuilds.
 */
public final class FeedRetention {
  private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);

  private final Vertx vertx;
  private final ChangeFeed feed;
  private final LeasedWork lease;
  private final IndexConfig config;
  private long timer = -1;

  public FeedRetention(Vertx vertx, ChangeFeed feed, LeasedWork lease, IndexConfig config) {
    this.vertx = vertx;
    this.feed = feed;
    this.lease = lease;
    this.config = config;
  }

  public Future<Void> start() {
    timer = vertx.setPeriodic(Duration.ofMinutes(config.feedTrimMinutes()).toMillis(), id -> trimIfHeld());
    return lease.start();
  }

  /** Trims now if this node holds the lease; answers how many entries went (0 when it does not). */
  public Future<Long> trimIfHeld() {
    Instant cutoff = Instant.now().minus(Duration.ofDays(config.feedRetentionDays()));
    if (!lease.held()) {
      return Future.succeededFuture(0L);
    }
    return feed.trimBefore(cutoff)
        .onSuccess(n -> {
          if (n > 0) {
            log.info("Removed {} change feed entries older than {}", n, cutoff);
          }
        })
        .onFailure(e -> log.warn("Could not remove old change feed entries", e));
  }

  /** Whether this node is the one that trims now. */
  public boolean holdsLease() {
    return lease.held();
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return lease.stop();
  }
}
