package org.rapporteur.platform.mongo;

import java.util.Map;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store with a housekeeping that never holds the store for long.
 *
 * <p>H2's own housekeeping runs every 100 ms. Whenever less than 90 % of the file is live, which at
 * one commit per chat message is nearly always, it moves chunks towards the start of the file (up to
 * twice its 19 MiB commit buffer at a time) and forces the file to disk three to five times per move;
 * when the chunks are emptier than its target it rewrites up to a quarter of that buffer at once.
 * Both hold the store, so every commit waits: the 40 to 150 ms stalls of a busy chat room
 * (BENCHMARKS.md). This one only rewrites, under the same conditions as H2 (the partly dead chunks
 * hold less live data than its busy or idle target), but a small step at a time while the store is
 * busy, and a larger one when it has been idle since the last round. A chunk is rewritten whole or
 * not at all, so the chunks of large writes wait for a quiet moment. New chunks go into the space
 * dead ones leave, so the file stays as small as with the moves; it only no longer shrinks when data
 * is deleted.
 */
final class SmallStepFileStore extends SingleFileStore {
  /** Live bytes rewritten per round while busy: well above the rate a busy room adds live pages. */
  static final int STEP_BYTES = 64 * 1024;
  /** Live bytes rewritten per round when no file operation happened since the last one. */
  static final int IDLE_STEP_BYTES = 4 * 1024 * 1024;
  /**
   * Below these shares of live data in the partly dead chunks, H2 rewrites (its busy target, 81 %,
   * compares with 50 + half the share). Above them a rewrite would mostly copy live data around.
   */
  static final int BUSY_TARGET_PERCENT = 62;
  static final int IDLE_TARGET_PERCENT = 90;

  /** {@code config}: H2's store settings that belong to the file store, such as {@code cacheSize}. */
  SmallStepFileStore(Map<String, Object> config) {
    super(config);
  }

  @Override
  protected void doHousekeeping(MVStore mvStore) {
    boolean idle = isIdle();
    if (partlyDead().livePercent() < (idle ? IDLE_TARGET_PERCENT : BUSY_TARGET_PERCENT)) {
      // 100: compact only checks that some chunk holds dead data, then rewrites the emptiest first.
      compact(100, idle ? IDLE_STEP_BYTES : STEP_BYTES);
    }
  }

  /** The chunks that hold both live and dead pages: their length and their live bytes, as H2 estimates them. */
  record Occupancy(long length, long live) {
    /** The share of live data; 100 when no chunk is partly dead. */
    int livePercent() {
      return length == 0 ? 100 : (int) (100 * live / length);
    }
  }

  Occupancy partlyDead() {
    long length = 0;
    long live = 0;
    // The chunk type of this store is not public; its fields are.
    for (Object value : ((Map<?, ?>) (Object) getChunks()).values()) {
      Chunk<?> chunk = (Chunk<?>) value;
      if (chunk.maxLenLive > 0 && chunk.maxLenLive < chunk.maxLen) {
        length += chunk.maxLen;
        live += chunk.maxLenLive;
      }
    }
    return new Occupancy(length, live);
  }
}
