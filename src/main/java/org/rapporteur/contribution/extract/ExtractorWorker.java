package org.rapporteur.contribution.extract;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rapporteur.contribution.ContributionsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One thread and its child JVM: takes jobs, enforces the timeout, replaces a child that failed. */
final class ExtractorWorker extends Thread {
  private static final Logger log = LoggerFactory.getLogger(ExtractorWorker.class);
  private static final String EOF = "@@EOF";
  private static final long STARTUP_TIMEOUT_MS = 120_000;
  private static final int OOM_EXIT = 3;

  private final BlockingQueue<ExtractorPool.Job> jobs;
  private final ContributionsConfig.Extraction config;
  private final Path logFile;
  private final Runnable answered;
  private volatile boolean running = true;
  private volatile boolean warm;
  private volatile Process child;
  private BlockingQueue<String> lines;
  private Writer input;

  /** {@code answered} is told each time a child has started and said it is ready. */
  ExtractorWorker(int index, BlockingQueue<ExtractorPool.Job> jobs, ContributionsConfig.Extraction config, Path logFile,
      Runnable answered) {
    super("rapporteur-extractor-" + index);
    setDaemon(true);
    this.jobs = jobs;
    this.config = config;
    this.logFile = logFile;
    this.answered = answered;
  }

  /** Starts this worker's child now rather than on the first file, so the first upload does not wait for a JVM. */
  void warmAtStart() {
    warm = true;
  }

  @Override
  public void run() {
    if (warm) {
      try {
        ensureChild();
      } catch (Exception e) {
        log.warn("The extractor child did not start ahead of the first file; it is tried again then", e);
      }
    }
    while (running) {
      ExtractorPool.Job job;
      try {
        job = jobs.take();
      } catch (InterruptedException e) {
        return;
      }
      job.complete(runSafely(job.file(), job.name()));
    }
  }

  private JsonObject runSafely(Path file, String name) {
    try {
      return run(file, name);
    } catch (Exception e) {
      if (!running) {
        return ExtractorPool.failed("timeout", "The server stopped during extraction");
      }
      log.warn("Extractor child failed on {}", file.getFileName(), e);
      kill();
      return ExtractorPool.failed("corrupt", "The extractor failed: " + e.getMessage());
    }
  }

  private JsonObject run(Path file, String name) throws Exception {
    ensureChild();
    input.write(new JsonObject().put("path", file.toAbsolutePath().toString()).put("name", name)
        .put("maxChars", config.maxTextChars()).encode() + "\n");
    input.flush();
    String line = lines.poll(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      kill();
      return ExtractorPool.failed("timeout", "Extraction took longer than " + config.timeout().toSeconds() + " s");
    }
    if (line.equals(EOF)) {
      int exit = awaitExit();
      child = null;
      return exit == OOM_EXIT
          ? ExtractorPool.failed("too-large", "The file needs more memory than extraction may use")
          : ExtractorPool.failed("corrupt", "The extractor stopped with exit code " + exit);
    }
    return new JsonObject(line.substring(ExtractorMain.RESULT.length()));
  }

  private void ensureChild() throws Exception {
    if (child != null && child.isAlive()) {
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java,
        "-Xmx" + config.childHeapMb() + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true", "-Dlogback.configurationFile=logback-extractor.xml",
        "-cp", System.getProperty("java.class.path"), ExtractorMain.class.getName()));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    child = builder.start();
    lines = new LinkedBlockingQueue<>();
    input = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
    startReader(child, lines);
    String ready = lines.poll(STARTUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    if (!ExtractorMain.READY.equals(ready)) {
      kill();
      throw new IOException("The extractor child did not start");
    }
    answered.run();
  }

  private static void startReader(Process process, BlockingQueue<String> lines) {
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.equals(ExtractorMain.READY) || line.startsWith(ExtractorMain.RESULT)) {
            lines.add(line);
          }
        }
      } catch (IOException ignored) {
        // the child was killed; the EOF below reports it
      }
      lines.add(EOF);
    }, "rapporteur-extractor-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private int awaitExit() throws InterruptedException {
    Process p = child;
    return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  private void kill() {
    Process p = child;
    child = null;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  long childPid() {
    Process p = child;
    return p != null && p.isAlive() ? p.pid() : -1;
  }

  void shutdown() {
    running = false;
    interrupt();
    kill();
  }
}
