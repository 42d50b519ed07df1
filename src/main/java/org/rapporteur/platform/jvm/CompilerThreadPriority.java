package org.rapporteur.platform.jvm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the JIT compiler's threads behind the event loops in the scheduler (Linux only). On a server
 * with one core, the compiler otherwise takes half of it whenever it compiles, and code that runs
 * rarely (the database's housekeeping, a first error path) is still compiled minutes after start:
 * each such compilation of 20 to 40 ms delayed a busy chat room's deliveries by as much. Behind the
 * event loops it compiles in the core's idle time instead. Where cores are free it changes nothing.
 *
 * <p>Per-thread niceness is a Linux feature with no Java API; {@code renice} sets it for a thread id.
 * Lowering one's own priority needs no privilege. Compiler threads can be started later (HotSpot
 * adds them under load), so the threads are looked for again now and then.
 */
public final class CompilerThreadPriority {
  private static final Logger log = LoggerFactory.getLogger(CompilerThreadPriority.class);
  private static final Path TASKS = Path.of("/proc/self/task");
  /** HotSpot's names for its compiler threads ("C2 CompilerThread0", cut to 15 characters by Linux). */
  private static final List<String> COMPILER_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre");
  private static final long LOOK_AGAIN_MILLIS = TimeUnit.MINUTES.toMillis(1);

  private final int nice;
  private final Set<Long> lowered = new HashSet<>();

  /** {@code nice} as for the {@code nice} command: 1 to 19, higher is further behind. */
  public CompilerThreadPriority(int nice) {
    if (nice < 1 || nice > 19) {
      throw new IllegalArgumentException("jvm.compilerNice must be 1 to 19 (or 0 to leave the compiler alone), was "
          + nice);
    }
    this.nice = nice;
  }

  /**
   * Lowers the compiler threads now and looks for new ones every minute, on a worker thread. Where it
   * cannot (not Linux, no {@code renice}), it says so once and stops; the server runs as before.
   */
  public static void keepLow(Vertx vertx, int nice) {
    CompilerThreadPriority priority = new CompilerThreadPriority(nice);
    priority.lowerOn(vertx).onSuccess(first -> {
      log.info("JIT compiler threads {} run at nice {}, behind the event loops", first, nice);
      vertx.setPeriodic(LOOK_AGAIN_MILLIS, LOOK_AGAIN_MILLIS, id -> priority.lowerOn(vertx)
          .onFailure(e -> {
            vertx.cancelTimer(id);
            log.warn("Could not lower the priority of new JIT compiler threads: {}", e.getMessage());
          }));
    }).onFailure(e -> log.info("JIT compiler threads keep their priority: {}", e.getMessage()));
  }

  private Future<List<Long>> lowerOn(Vertx vertx) {
    return vertx.executeBlocking(this::lowerNewThreads);
  }

  /** Blocking: reads {@code /proc} and runs {@code renice}. Answers the threads it lowered this time. */
  synchronized List<Long> lowerNewThreads() throws IOException, InterruptedException {
    if (!Files.isDirectory(TASKS)) {
      throw new IOException("no " + TASKS + " (not Linux)");
    }
    List<Long> alive = compilerThreads();
    lowered.retainAll(alive); // an ended thread's id may come back as a new compiler thread
    List<Long> found = new ArrayList<>(alive);
    found.removeAll(lowered);
    if (found.isEmpty()) {
      return found;
    }
    List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
    found.forEach(tid -> command.add(Long.toString(tid)));
    Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
      renice.destroyForcibly();
      throw new IOException("renice failed: " + output);
    }
    lowered.addAll(found);
    return found;
  }

  /** The ids of this process's compiler threads that are alive now. */
  static List<Long> compilerThreads() throws IOException {
    List<Long> ids = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String name;
        try {
          name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
        } catch (IOException ended) {
          continue; // the thread ended while the list was read
        }
        if (COMPILER_PREFIXES.stream().anyMatch(name::startsWith)) {
          ids.add(Long.parseLong(task.getFileName().toString()));
        }
      }
    }
    return ids;
  }
}
