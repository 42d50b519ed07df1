package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.rapporteur.platform.config.ConfigLoader;

/**
 * A cluster on loopback, started the way an operator starts one (docs/cluster.md): the database as a
 * process of its own ({@code --database-only}), server nodes joined by TCP/IP seeds, and HAProxy in
 * front. Every process is a real operating-system process, so a test can {@code kill -9} one.
 */
public final class LocalCluster implements AutoCloseable {
  public static final String HAPROXY = "/usr/sbin/haproxy";
  private static final long START_SECONDS = 300;
  /** SIGTERM to exit: {@code shutdown.unreadySeconds}, {@code graceSeconds} and the stop itself, with room. */
  private static final long EXIT_SECONDS = 60;
  private static final long POLL_MILLIS = 100;
  private static final int LOWEST_PORT = 20_000;
  /** Linux's default start of the ephemeral ports, when /proc does not say. */
  private static final int DEFAULT_EPHEMERAL_LOW = 32_768;
  /** Ports handed out in this JVM: free when chosen, but not held until their process binds them. */
  private static final Set<Integer> GIVEN_PORTS = new HashSet<>();

  private final Path dir;
  private final int dbPort = freePort();
  private final int lbPort = freePort();
  private final int statsPort = freePort();
  private final int[] httpPorts;
  private final int[] clusterPorts;
  private final Process[] nodes;
  private final List<Process> others = new ArrayList<>();
  private final Path config;
  private final Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final int unreadySeconds;

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
    // As shipped: not ready for longer than HAProxy takes to see it (inter 1 s × fall 2, below).
    unreadySeconds = base.getJsonObject("shutdown").getInteger("unreadySeconds");
    Files.writeString(config, base.encodePrettily());
  }

  /** Skips the calling test when HAProxy is missing, except under CI, where the test runs and fails instead. */
  public static void assumeHaproxy(String test) {
    if (!Files.isExecutable(Path.of(HAPROXY)) && System.getenv("CI") == null) {
      Assumptions.abort(test + " skipped: " + HAPROXY + " is missing (apt-get install haproxy); "
          + "under CI (CI set) it runs and fails instead");
    }
  }

  /** Starts the database, {@code size} nodes at the same moment, and HAProxy; returns once HAProxy has every node up. */
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

  /** The tests' own Vert.x (two event loops) for their HTTP and WebSocket clients; closed with the cluster. */
  public Vertx clients() {
    return clients;
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

  /** How long a node stays up but not ready after SIGTERM, before it closes its WebSockets. */
  public int unreadySeconds() {
    return unreadySeconds;
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

  /**
   * What one restart of a node took, in milliseconds from its SIGTERM: until HAProxy marked it down (-1 if
   * it never did while the node ran), until the process exited, and until HAProxy had it up again.
   */
  public record Restart(int node, long markedDownMillis, long exitedMillis, int exitCode, long backUpMillis) {}

  /**
   * The orderly restart an operator does: SIGTERM, wait (bounded) for the graceful exit, start the node
   * again on the same ports and data folder, and return once HAProxy's checks see it ready.
   */
  public Restart restart(int i) throws Exception {
    long started = System.nanoTime();
    nodes[i].destroy();
    long markedDown = -1;
    long deadline = started + TimeUnit.SECONDS.toNanos(EXIT_SECONDS);
    while (nodes[i].isAlive() && System.nanoTime() < deadline) {
      if (markedDown < 0 && haproxyStatus(i).startsWith("DOWN")) {
        markedDown = millisSince(started);
      }
      nodes[i].waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    if (nodes[i].isAlive()) {
      nodes[i].destroyForcibly();
      throw new IllegalStateException("node" + i + " did not exit within " + EXIT_SECONDS + " s of SIGTERM; see "
          + dir.resolve("node" + i + ".log"));
    }
    long exited = millisSince(started);
    int exitCode = nodes[i].exitValue();
    Files.move(dir.resolve("node" + i + ".log"), dir.resolve("node" + i + "-" + exited + ".log"));
    startNode(i).get(START_SECONDS, TimeUnit.SECONDS);
    awaitUp(i);
    return new Restart(i, markedDown, exited, exitCode, millisSince(started));
  }

  /**
   * Waits (bounded) until HAProxy has node {@code i} up on the strength of a passed check (its readiness
   * answered 200 {@code rise} times); at start HAProxy counts a server up before checking it.
   */
  public void awaitUp(int i) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    Map<String, String> server = Map.of();
    while (System.nanoTime() < deadline) {
      server = haproxyServer(i);
      if ("UP".equals(server.get("status")) && "L7OK".equals(server.get("check_status"))) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException("HAProxy did not see node" + i + " up within " + START_SECONDS + " s: " + server
        + "; see " + dir.resolve("node" + i + ".log"));
  }

  /**
   * HAProxy's state of node {@code i}: {@code UP}, {@code DOWN}, or on the way between ({@code UP 1/2},
   * {@code DOWN 1/2}); empty when its statistics page does not answer.
   */
  public String haproxyStatus(int i) {
    return haproxyServer(i).getOrDefault("status", "");
  }

  /** Node {@code i}'s row of HAProxy's statistics (CSV), by column name; empty when the page does not answer. */
  private Map<String, String> haproxyServer(int i) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")
          .toURL().openConnection();
      http.setConnectTimeout(1000);
      http.setReadTimeout(2000);
      try (var in = http.getInputStream()) {
        return serverRow(new String(in.readAllBytes(), StandardCharsets.UTF_8), "node" + i);
      }
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static Map<String, String> serverRow(String csv, String server) {
    String[] lines = csv.split("\\n");
    String[] header = lines[0].replaceFirst("^# ", "").split(",", -1);
    for (String line : lines) {
      String[] fields = line.split(",", -1);
      if (fields.length >= 2 && fields[0].equals("nodes") && fields[1].equals(server)) {
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < Math.min(header.length, fields.length); c++) {
          row.put(header[c], fields[c]);
        }
        return row;
      }
    }
    return Map.of();
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
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
      out.println(haproxyConfig(lbPort, statsPort, httpPorts));
    }
    ProcessBuilder builder = new ProcessBuilder(HAPROXY, "-db", "-f", cfg.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
    others.add(builder.start());
    // Ready once an extractor child answered: a few seconds after a node serves, more on a loaded machine.
    for (int i = 0; i < nodes.length; i++) {
      awaitUp(i);
    }
  }

  /** The configuration of deploy/haproxy.cfg on loopback ports, with a statistics page to read its view. */
  static String haproxyConfig(int lbPort, int statsPort, int[] httpPorts) {
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
        frontend stats
          bind 127.0.0.1:%d
          stats enable
          stats uri /stats
        backend nodes
          balance roundrobin
          option httpchk GET /health/ready
          http-check expect status 200
          timeout check 5s
          default-server inter 1s fall 2 rise 2
        """.formatted(lbPort, statsPort));
    for (int i = 0; i < httpPorts.length; i++) {
      cfg.append("  server node").append(i).append(" 127.0.0.1:").append(httpPorts[i]).append(" check\n");
    }
    return cfg.toString();
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

  /**
   * A free loopback port below the kernel's ephemeral range: an outgoing connection (a node's database or
   * cluster links, another build's) takes its local port from that range, and could take one of these
   * between now and the node's bind, or while a restarted node is down.
   */
  private static synchronized int freePort() {
    int below = ephemeralLow();
    for (int i = 0; i < 200; i++) {
      int port = LOWEST_PORT + ThreadLocalRandom.current().nextInt(below - LOWEST_PORT);
      if (!GIVEN_PORTS.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException e) {
        // taken: try another
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST_PORT + " and " + below);
  }

  private static int ephemeralLow() {
    try {
      int low = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
          .split("\\s+")[0]);
      return low > LOWEST_PORT + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_LOW;
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
    clients.close().await();
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
