package org.rapporteur.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapporteur.platform.config.ConfigLoader;

/**
 * The server as its own operating-system process, started exactly as README.md starts it (the Main
 * class, configuration through environment variables), so a test can kill it for real.
 */
public final class ChildServer implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Rapporteur is ready: open http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final int port;
  private final List<String> output;
  private final Thread drain;

  private ChildServer(Process process, int port, List<String> output, Thread drain) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.drain = drain;
  }

  public static ChildServer start(Path dataDir, Map<String, String> extraEnv) throws Exception {
    return start(dataDir, extraEnv, new io.vertx.core.json.JsonObject());
  }

  /** With {@code settings} merged over the default configuration file. */
  public static ChildServer start(Path dataDir, Map<String, String> extraEnv, io.vertx.core.json.JsonObject settings)
      throws Exception {
    Files.createDirectories(dataDir);
    Path config = dataDir.resolve("test-config.json");
    Files.writeString(config, ConfigLoader.readBase(null)
        .put("accounts", new io.vertx.core.json.JsonObject().put("pbkdf2Iterations", 1000))
        .mergeIn(settings, true).encodePrettily());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
        "-Dvertx.cacheDirBase=" + dataDir.resolve("vertx-cache"),
        "-cp", System.getProperty("java.class.path"), "org.rapporteur.Main")
        .redirectErrorStream(true);
    builder.environment().putAll(Map.of("DATA_DIR", dataDir.toString(), "HTTP_HOST", "127.0.0.1", "HTTP_PORT", "0",
        "CONFIG_FILE", config.toString(),
        "ADMIN_EMAIL", TestServer.ADMIN_EMAIL, "ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD));
    builder.environment().putAll(extraEnv);
    Process process = builder.start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    List<String> output = new ArrayList<>();
    Thread drain = new Thread(() -> readOutput(process, ready, output), "child-server-output");
    drain.setDaemon(true);
    drain.start();
    try {
      return new ChildServer(process, ready.get(60, TimeUnit.SECONDS), output, drain);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static void readOutput(Process process, CompletableFuture<Integer> ready, List<String> output) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (output) {
          output.add(line);
        }
        Matcher matcher = READY.matcher(line);
        if (matcher.find()) {
          ready.complete(Integer.parseInt(matcher.group(1)));
        }
      }
      ready.completeExceptionally(new IllegalStateException("The server exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  public int port() {
    return port;
  }

  /** Every line the server printed so far (standard output and error). */
  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** SIGTERM (on Linux): the shutdown hook runs. Answers the exit status, or -1 if it had not exited in time. */
  public int terminate(long waitSeconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(waitSeconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** Sends SIGTERM (on Linux) and returns at once. */
  public void signalTerm() {
    process.destroy();
  }

  /** The exit status, or -1 if it is still running after {@code seconds}. */
  public int waitForExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      return -1;
    }
    drain.join(5_000);
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
