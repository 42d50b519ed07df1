package org.rapporteur.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Tells when the JIT compilers of the benchmarked JVMs have settled. On a server pinned to one core the
 * optimizing compiler competes with the event loop: at 1,000 clients x 100 messages/s it still spends a
 * fifth of the core compiling two minutes in, and one 0.5 s compilation inside a 10 s window moves the
 * p99. The total compilation time comes from {@code jstat -compiler}, which reads the JVM's performance
 * counters without attaching to it.
 */
final class JitActivity {
  static final int SAMPLE_SECONDS = 10;
  /** Compilation time per sample below which the JIT counts as quiet: 2.5 % of a core. */
  private static final double QUIET_SECONDS = 0.25;
  /**
   * How long to wait after the last sample before measuring: each sample starts a {@code jstat} JVM
   * on the load generator's core, which then stamps deliveries late for a few hundred milliseconds.
   */
  private static final long SETTLE_MILLIS = 3_000;

  private final List<Long> pids;
  private final int minSeconds;
  private final int maxSeconds;
  private String lastSample = "not sampled";

  JitActivity(List<Long> pids, int minSeconds, int maxSeconds) {
    this.pids = List.copyOf(pids);
    this.minSeconds = minSeconds;
    this.maxSeconds = Math.max(minSeconds, maxSeconds);
  }

  int maxSeconds() {
    return maxSeconds;
  }

  int jvms() {
    return pids.size();
  }

  /** Per JVM, the compilation seconds of the last sample. */
  String lastSample() {
    return lastSample;
  }

  /**
   * Waits at least the minimum, then until one sample's compilation time is under the threshold in
   * every JVM, or the maximum has passed. Returns the seconds waited.
   */
  int awaitQuiet() throws InterruptedException {
    long start = System.nanoTime();
    long min = TimeUnit.SECONDS.toNanos(minSeconds);
    long max = TimeUnit.SECONDS.toNanos(maxSeconds);
    long sampleStart = Math.max(0, min - TimeUnit.SECONDS.toNanos(SAMPLE_SECONDS));
    TimeUnit.NANOSECONDS.sleep(sampleStart);
    double[] before = compilationSeconds();
    while (true) {
      long elapsed = System.nanoTime() - start;
      long next = Math.max(TimeUnit.SECONDS.toNanos(SAMPLE_SECONDS), min - elapsed);
      TimeUnit.NANOSECONDS.sleep(Math.min(next, Math.max(0, max - elapsed)));
      double[] after = compilationSeconds();
      boolean quiet = true;
      List<String> sample = new ArrayList<>();
      for (int i = 0; i < after.length; i++) {
        double spent = after[i] - before[i];
        quiet &= spent < QUIET_SECONDS;
        sample.add(String.format(Locale.ROOT, "%.2f s", spent));
      }
      lastSample = String.join(" / ", sample);
      before = after;
      elapsed = System.nanoTime() - start;
      if (quiet || elapsed >= max) {
        Thread.sleep(SETTLE_MILLIS);
        return (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      }
    }
  }

  private double[] compilationSeconds() {
    double[] seconds = new double[pids.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = compilationSeconds(pids.get(i));
    }
    return seconds;
  }

  /** {@code jstat -compiler} prints a header and one line: Compiled Failed Invalid Time ... */
  private static double compilationSeconds(long pid) {
    String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
    try {
      Process process = new ProcessBuilder(jstat, "-compiler", Long.toString(pid)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("jstat failed for " + pid + ": " + out);
      }
      String[] lines = out.strip().split("\n");
      return Double.parseDouble(lines[lines.length - 1].trim().split("\\s+")[3]);
    } catch (IOException e) {
      throw new IllegalStateException("jstat could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the JIT's activity", e);
    }
  }
}
