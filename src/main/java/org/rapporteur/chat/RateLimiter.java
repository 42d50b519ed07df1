package org.rapporteur.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.platform.errors.TooManyRequestsException;

/**
 * A token bucket per person and server process: {@code burst} messages at once, then
 * {@code perSecond}. Per process on purpose: it protects this process, and needs no database write.
 */
final class RateLimiter {
  private static final int MAX_TRACKED = 50_000;

  private final boolean enabled;
  private final double burst;
  private final double perSecond;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long refilledAt;
  }

  RateLimiter(boolean enabled, int burst, double perSecond) {
    this.enabled = enabled;
    this.burst = burst;
    this.perSecond = perSecond;
  }

  /** Takes one token or fails with too-many-requests. */
  void take(String userId) {
    if (!enabled) {
      return;
    }
    if (buckets.size() > MAX_TRACKED) {
      buckets.clear();
    }
    long now = System.nanoTime();
    Bucket bucket = buckets.computeIfAbsent(userId, id -> {
      Bucket b = new Bucket();
      b.tokens = burst;
      b.refilledAt = now;
      return b;
    });
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
      bucket.refilledAt = now;
      if (bucket.tokens < 1) {
        double wait = (1 - bucket.tokens) / perSecond;
        throw new TooManyRequestsException("Too many messages; wait a moment",
            Duration.ofMillis((long) Math.ceil(wait * 1000)));
      }
      bucket.tokens -= 1;
    }
  }
}
