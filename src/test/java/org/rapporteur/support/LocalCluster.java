package org.rapporteur.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.rapporteur.platform.config.ConfigLoader;

/**
 * A cluster on loopback, started the way an operator starts one (docs/cluster.md): the database as a
 * process of its own ({@code --database-only}), server nodes joined by TCP/IP seeds, and HAProxy in
 * front. Every process is a real operating-system process, so a test can {@code kill -9} one.
 */
public final class LocalCluster implements AutoCloseable {
  public static final String HAPROXY = "/usr/sbin/haproxy";
  private static final long START_SECONDS = 300;

  private final Path dir;
  private final int dbPort = freePort();
  private final int lbPort = freePort();
  private final int[] httpPorts;
  private final int[] clusterPorts;
  private final Process[] nodes;
  private final List<Process> others = new ArrayList<>();
  private final Path config;

  private LocalCluster(Path dir, int size) throws IOException {
    this.dir = dir;
    this.httpPorts = IntStream.range(0, size).map(i -> freePort()).toArray();
    this.clusterPorts = IntStream.range(0, size).map(i -> freePort()).toArray();
    this.nodes = new Process[size];
    this.config = dir.resolve("node-config.json");
    JsonObject base = ConfigLoader.readBase(null);
    base.put("accounts", base.getJsonObject("accounts").put("pbkdf2Iterations", 1000));
    // The shipped limit (10 at once, 1 a second): the tests' senders stay under it.
    base.getJsonObject("chat").getJsonObject("rateLimit").put("enabled", true).put("burst", 10).put("perSecond", 1.0);
    base.getJsonObject("contributions").getJsonObject("extraction").put("workers", 1).put("leaseSeconds", 6);
    base.getJsonObject("cluster").put("memberTimeoutSeconds", 5).put("leaseSeconds", 6);
    base.getJsonObject("jvm").put("compilerNice", 0);
    Files.writeString(config, base.encodePrettily());
  }

  /** Starts the database, {@code size} nodes at the same moment, and HAProxy; returns once HAProxy answers. */
  public static LocalCluster start(Path dir, int size) throws Exception {
    LocalCluster cluster = new LocalCluster(dir, size);
    try {
      cluster.startDatabase();
      List<CompletableFuture<Void>> ready = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        ready.add(cluster.startNode(i));
      }
      CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(START_SECONDS, TimeUnit.SECONDS);
      cluster.startHaproxy();
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  public int lbPort() {
    return lbPort;
  }

  public String origin() {
    return "http://127.0.0.1:" + lbPort;
  }

  public int nodePort(int node) {
    return httpPorts[node];
  }

  public int size() {
    return nodes.length;
  }

  /** Node {@code i}'s process, to reach its children (the extractor JVMs). */
  public ProcessHandle process(int i) {
    return nodes[i].toHandle();
  }

  /** What node {@code i} has printed so far. */
  public String output(int i) throws IOException {
    return Files.readString(dir.resolve("node" + i + ".log"));
  }

  private void startDatabase() throws Exception {
    Path data = Files.createDirectories(dir.resolve("db"));
    Process db = launch("db", List.of("--database-only"), Map.of("DATA_DIR", data.toString(),
        "DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(dbPort)), "Rapporteur database is ready", null);
    others.add(db);
  }

  /** Starts (or starts again) node {@code i}; the future completes when it serves HTTP. */
  public CompletableFuture<Void> startNode(int i) throws IOException {
    Path data = Files.createDirectories(dir.resolve("node" + i));
    String seeds = IntStream.of(clusterPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    CompletableFuture<Void> ready = new CompletableFuture<>();
    nodes[i] = launch("node" + i, List.of(), Map.ofEntries(
        Map.entry("DATA_DIR", data.toString()), Map.entry("CONFIG_FILE", config.toString()),
        Map.entry("MONGO_URI", "mongodb://127.0.0.1:" + dbPort), Map.entry("HTTP_HOST", "127.0.0.1"),
        Map.entry("HTTP_PORT", String.valueOf(httpPorts[i])), Map.entry("PUBLIC_ORIGIN", origin()),
        Map.entry("CLUSTER", "true"), Map.entry("CLUSTER_HOST", "127.0.0.1"),
        Map.entry("CLUSTER_PORT", String.valueOf(clusterPorts[i])), Map.entry("CLUSTER_MEMBERS", seeds),
        Map.entry("ADMIN_EMAIL", TestServer.ADMIN_EMAIL), Map.entry("ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD)),
        "Rapporteur is ready", ready);
    return ready;
  }

  /** SIGKILL: no shutdown hook runs; the node's Hazelcast member and WebSockets vanish at once. */
  public void kill(int i) throws InterruptedException {
    nodes[i].destroyForcibly();
    nodes[i].waitFor(30, TimeUnit.SECONDS);
  }

  /** The node's own view of the cluster, from its /health; -1 when it does not answer. */
  public int members(int node) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPorts[node] + "/health")
          .toURL().openConnection();
      http.setConnectTimeout(2000);
      http.setReadTimeout(3000);
      try (var in = http.getInputStream()) {
        return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .getJsonObject("cluster").getInteger("members");
      }
    } catch (IOException e) {
      return -1;
    }
  }

  private void startHaproxy() throws Exception {
    Path cfg = dir.resolve("haproxy.cfg");
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(cfg))) {
      out.println(haproxyConfig(lbPort, httpPorts));
    }
    ProcessBuilder builder = new ProcessBuilder(HAPROXY, "-db", "-f", cfg.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
    others.add(builder.start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int i = 0; i < 300 && System.nanoTime() < deadline; i++) {
      if (healthy(lbPort)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("HAProxy did not answer on " + lbPort + "; see " + dir.resolve("haproxy.log"));
  }

  /** The configuration of deploy/haproxy.cfg, on loopback ports and with quicker health checks. */
  static String haproxyConfig(int lbPort, int[] httpPorts) {
    StringBuilder cfg = new StringBuilder("""
        global
          maxconn 4000
        defaults
          mode http
          timeout connect 2s
          timeout client 60s
          timeout server 60s
          timeout tunnel 1h
          option redispatch
          retries 3
        frontend web
          bind 127.0.0.1:%d
          default_backend nodes
        backend nodes
          balance roundrobin
          option httpchk GET /health
          http-check expect status 200
          timeout check 5s
          default-server inter 1s fall 3 rise 2
        """.formatted(lbPort));
    for (int i = 0; i < httpPorts.length; i++) {
      cfg.append("  server node").append(i).append(" 127.0.0.1:").append(httpPorts[i]).append(" check\n");
    }
    return cfg.toString();
  }

  private static boolean healthy(int port) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL()
          .openConnection();
      http.setConnectTimeout(1000);
      http.setReadTimeout(2000);
      return http.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private Process launch(String name, List<String> args, Map<String, String> env, String readyLine,
      CompletableFuture<Void> ready) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dvertx.cacheDirBase=" + dir.resolve(name + "-vertx-cache"),
        "-cp", System.getProperty("java.class.path"), "org.rapporteur.Main"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<Void> up = ready != null ? ready : new CompletableFuture<>();
    Path log = dir.resolve(name + ".log");
    Thread drain = new Thread(() -> drain(process, log, readyLine, up), name + "-output");
    drain.setDaemon(true);
    drain.start();
    if (ready == null) {
      try {
        up.get(START_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
        throw new IOException(name + " did not start; see " + log, e);
      }
    }
    return process;
  }

  private static void drain(Process process, Path log, String readyLine, CompletableFuture<Void> ready) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
      String line;
      while ((line = reader.readLine()) != null) {
        out.println(line);
        if (line.contains(readyLine)) {
          ready.complete(null);
        }
      }
      ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor() + "; see " + log));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Kills every process it started: nodes, HAProxy and the database. */
  @Override
  public void close() {
    for (Process node : nodes) {
      if (node != null) {
        node.destroyForcibly();
      }
    }
    others.forEach(Process::destroyForcibly);
    for (Process node : nodes) {
      waitQuietly(node);
    }
    others.forEach(LocalCluster::waitQuietly);
  }

  private static void waitQuietly(Process process) {
    try {
      if (process != null) {
        process.waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
