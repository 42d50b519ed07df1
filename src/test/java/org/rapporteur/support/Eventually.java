package org.rapporteur.support;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what the server does a little later (a list written a second after a change), bounded in count and time. */
public final class Eventually {
  private static final int MAX_TRIES = 100;
  private static final long MAX_NANOS = 10_000_000_000L;
  private static final long PAUSE_MILLIS = 100;

  private Eventually() {}

  /** The first value read that is done; fails after 10 s (or 100 reads) with the last one. */
  public static <T> T until(Supplier<T> read, Predicate<T> done, String what) {
    T last = null;
    long deadline = System.nanoTime() + MAX_NANOS;
    for (int i = 0; i < MAX_TRIES && System.nanoTime() < deadline; i++) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError(what + " did not happen within 10 s; last: " + last);
  }
}
