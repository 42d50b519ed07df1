package org.rapporteur.platform.mongo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps H2's {@code MVMap.operate}, the method every write of the embedded database goes through,
 * out of the JVM's optimizing compiler (C2); the quick compiler (C1) still compiles it.
 *
 * <p>Why: the method has branches taken only on rare races (a root update that lost, a page moved
 * by a commit). C2 compiles them away, and each time one is taken the code is thrown out and the
 * whole method, with everything inlined into it, compiled again: over a second of one core every
 * few seconds, for minutes. On a server with one core that second is taken from the event loops,
 * and every chat message of that second reaches its room 30 to 60 ms late (see BENCHMARKS.md).
 * C1's code runs it somewhat slower, which at the write rates of a chat costs far less than the
 * recompilations did.
 *
 * <p>Uses the JDK's compiler directives (the {@code Compiler.directives_add} diagnostic command),
 * which need no JVM option. A JVM without them runs as before.
 */
final class OptimizingCompilerExclusion {
  private static final Logger LOG = LoggerFactory.getLogger(OptimizingCompilerExclusion.class);
  private static final String DIRECTIVES = "[{ match: \"org/h2/mvstore/MVMap.operate\", c2: { Exclude: true } }]";
  private static boolean applied;

  private OptimizingCompilerExclusion() {}

  static synchronized void apply() {
    if (applied) {
      return;
    }
    applied = true;
    Path file = null;
    try {
      file = Files.createTempFile("rapporteur-compiler-directives", ".json");
      Files.writeString(file, DIRECTIVES);
      Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
      LOG.debug("Compiler directives for the embedded database: {}", answer);
    } catch (IOException | JMException | RuntimeException e) {
      LOG.info("The embedded database's write path stays with the JVM's default compilation: {}", e.toString());
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }
}
