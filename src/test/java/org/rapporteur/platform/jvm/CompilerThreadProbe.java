package org.rapporteur.platform.jvm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a JVM of its own by {@link CompilerThreadPriorityTest}, so that the test runner's compiler
 * keeps its priority: lowers its compiler threads twice, then prints each thread's name and niceness,
 * and its own thread's as {@code caller}.
 */
public final class CompilerThreadProbe {
  private CompilerThreadProbe() {}

  public static void main(String[] args) throws Exception {
    CompilerThreadPriority priority = new CompilerThreadPriority(Integer.parseInt(args[0]));
    List<Long> first = priority.lowerNewThreads();
    List<Long> second = priority.lowerNewThreads();
    System.out.println("lowered " + first.size() + " then " + second.size());
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
        System.out.println("thread\t" + name + "\t" + niceness(task));
      }
    }
    System.out.println("thread\tcaller\t" + niceness(Path.of("/proc/thread-self")));
  }

  /** Field 19 of a task's stat, counted after "pid (comm) " (which starts at field 3). */
  static String niceness(Path task) throws java.io.IOException {
    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
  }
}
