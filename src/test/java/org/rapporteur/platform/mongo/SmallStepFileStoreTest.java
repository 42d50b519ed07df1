package org.rapporteur.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallStepFileStoreTest {
  private static final int KEYS = 8000;
  /** The keys overwritten afterwards: about 60 % of the pages of the first writes die. */
  private static final int OVERWRITTEN = 4800;
  private static final int MAX_ROUNDS = 300;
  private static final long SMALL_CHUNKS = 64 * 1024;

  @TempDir
  Path dataDir;

  private SmallStepFileStore fileStore;
  private MVStore store;
  private MVMap<Integer, String> map;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  /** Without the background thread, the test runs each housekeeping round itself. */
  private void open(boolean backgroundThread) {
    fileStore = new SmallStepFileStore(Map.of());
    fileStore.open(dataDir.resolve("steps.mv.db").toString(), false, null);
    MVStore.Builder builder = new MVStore.Builder().adoptFileStore(fileStore);
    store = (backgroundThread ? builder : builder.autoCommitDisabled()).open();
    store.setRetentionTime(0);
    map = store.openMap("messages");
  }

  @Test
  @DisplayName("While busy, housekeeping rewrites partly dead chunks a small step per round until they are mostly live, and never shrinks the file by moving chunks")
  void busyStoreRewritesInSmallSteps() {
    open(false);
    writeAll(20);
    overwriteFirstPart(20);
    assertThat(fileStore.partlyDead().livePercent()).isLessThan(SmallStepFileStore.BUSY_TARGET_PERCENT);

    List<Integer> steps = new ArrayList<>();
    for (int round = 0; round < MAX_ROUNDS
        && fileStore.partlyDead().livePercent() < SmallStepFileStore.BUSY_TARGET_PERCENT; round++) {
      steps.add(busyRound(round));
    }

    assertThat(fileStore.partlyDead().livePercent()).isGreaterThanOrEqualTo(SmallStepFileStore.BUSY_TARGET_PERCENT);
    // Once there, it stops: no rewriting of the same data over and over.
    for (int round = 0; round < 20; round++) {
      assertThat(busyRound(MAX_ROUNDS + round)).isZero();
    }
    // Steps are measured in H2's estimate of the memory of the pages they rewrote, not in bytes on disk;
    // H2's own busy housekeeping rewrote all of it in one round.
    List<Integer> rewrites = steps.stream().filter(bytes -> bytes > 0).toList();
    int total = rewrites.stream().mapToInt(Integer::intValue).sum();
    assertThat(rewrites).hasSizeGreaterThan(3).allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(total / 2));
    assertEveryValueKept();
  }

  @Test
  @DisplayName("A chunk too large for a busy round's step is left alone while busy")
  void largeChunkIsLeftAloneWhileBusy() {
    open(false);
    writeAll(KEYS);
    overwriteFirstPart(OVERWRITTEN);
    for (int round = 0; round < 20; round++) {
      assertThat(busyRound(round)).isZero();
    }
    assertThat(fileStore.partlyDead().livePercent()).isLessThan(SmallStepFileStore.BUSY_TARGET_PERCENT);
    assertEveryValueKept();
  }

  @Test
  @DisplayName("H2's background thread finds the store idle and rewrites a large chunk whole")
  void idleStoreRewritesLargeChunks() throws Exception {
    open(true);
    writeAll(KEYS);
    overwriteFirstPart(OVERWRITTEN);
    for (int round = 0; round < 10; round++) {
      tick(round);
    }
    assertThat(fileStore.partlyDead().livePercent()).isLessThan(SmallStepFileStore.IDLE_TARGET_PERCENT);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (fileStore.partlyDead().length() > SMALL_CHUNKS && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    // What stays partly dead are the last commits' small chunks, too new to rewrite.
    assertThat(fileStore.partlyDead().length()).isLessThan(SMALL_CHUNKS);
    assertEveryValueKept();
  }

  /** One write, then a housekeeping round; answers the memory the round's rewrite left to store. */
  private int busyRound(int round) {
    tick(round);
    int before = store.getUnsavedMemory();
    fileStore.doHousekeeping(store);
    int rewritten = store.getUnsavedMemory() - before;
    store.commit();
    return rewritten;
  }

  /** Traffic goes on: H2 counts a page as dead only once no version still open can read it. */
  private void tick(int round) {
    map.put(-1, "tick " + round);
    store.commit();
  }

  private void writeAll(int perCommit) {
    for (int i = 0; i < KEYS; i++) {
      map.put(i, "message " + i + " " + "x".repeat(200));
      if ((i + 1) % perCommit == 0) {
        store.commit();
      }
    }
    store.commit();
  }

  private void overwriteFirstPart(int perCommit) {
    for (int i = 0; i < OVERWRITTEN; i++) {
      map.put(i, "edited " + i);
      if ((i + 1) % perCommit == 0) {
        store.commit();
      }
    }
    store.commit();
  }

  private void assertEveryValueKept() {
    for (int i = 0; i < KEYS; i++) {
      assertThat(map.get(i)).startsWith((i < OVERWRITTEN ? "edited " : "message ") + i);
    }
  }
}
