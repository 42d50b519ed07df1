package org.rapporteur.platform.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CompilerThreadPriorityTest {

  @Test
  void onlyTheCompilerThreadsGoBehindAndOnlyOnce() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "per-thread niceness is Linux only");
    assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "renice"))),
        "no renice on PATH");
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), CompilerThreadProbe.class.getName(), "17")
        .redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(probe.waitFor(30, TimeUnit.SECONDS), output);
    assertEquals(0, probe.exitValue(), output);

    List<String[]> threads = output.lines().filter(l -> l.startsWith("thread\t")).map(l -> l.split("\t")).toList();
    List<String[]> compilers = threads.stream().filter(t -> t[1].contains("CompilerThre")).toList();
    assertFalse(compilers.isEmpty(), output);
    compilers.forEach(t -> assertEquals("17", t[2], t[1] + " in\n" + output));
    String[] caller = threads.stream().filter(t -> t[1].equals("caller")).findFirst().orElseThrow();
    assertEquals(ownNiceness(), caller[2], "the probe's own thread keeps the priority it was started with\n" + output);
    assertTrue(output.matches("(?s).*lowered [1-9]\\d* then 0\n.*"), output);
  }

  /** This thread's niceness, which the probe's threads inherit. */
  private static String ownNiceness() throws Exception {
    return CompilerThreadProbe.niceness(Path.of("/proc/thread-self"));
  }

  @Test
  void refusesANicenessThatWouldRaiseOrNotChangeThePriority() {
    assertThrows(IllegalArgumentException.class, () -> new CompilerThreadPriority(0));
    assertThrows(IllegalArgumentException.class, () -> new CompilerThreadPriority(20));
  }
}
