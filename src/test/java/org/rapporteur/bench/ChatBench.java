package org.rapporteur.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat load generator (see BENCHMARKS.md, "Realtime"). For each N it starts the Rapporteur server
 * (embedded database, every message stored before its ack) and then a bare Vert.x broadcast server,
 * each in its own JVM pinned to one core with {@code taskset}, connects N WebSocket clients to one
 * room, sends M messages per second for a fixed time, and measures send-to-receive latency at every
 * client, deliveries per second, losses and the server's resident memory.
 *
 * <p>{@code java -cp target/rapporteur.jar:target/test-classes org.rapporteur.bench.ChatBench
 * [--clients 100,1000,5000] [--rates 100,100,20] [--warmup 120] [--max-warmup 600] [--seconds 10] [--batch true]
 * [--server-core 0] [--database-core 1] [--fsync false] [--bare true] [--timeline file.tsv]}
 *
 * <p>The warm-up lasts at least {@code --warmup} seconds and then goes on until the servers' JIT is
 * quiet (see {@link JitActivity}), at most {@code --max-warmup} seconds: the JIT shares the server's one
 * core, and at 1,000 x 100 it still compiles per-message code two minutes in. The measured window is
 * the steady state a meeting that has been running for a while gets.
 *
 * <p>{@code --timeline} writes, for each 10 ms of send time in the measured window, the wall-clock time,
 * the deliveries, the deliveries over 20 ms, the worst latency and the worst send-to-ack time, to match
 * a latency tail with the server's GC or compilation log
 * ({@code BENCH_SERVER_OPTS="-Xlog:gc:file=gc.log:time -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation"}).
 */
public final class ChatBench {
  private static final String ADMIN_EMAIL = "bench@bench.example";
  private static final String ADMIN_PASSWORD = "bench-password-123";
  private static final long BUCKET_NANOS = 10_000;
  private static final int BUCKETS = 1_000_000;

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final String classpath = System.getProperty("java.class.path");
  /** Whether the Rapporteur clients ask for {@code events} frames (several events in one), as the browser does. */
  private boolean batches = true;
  /**
   * Null: the embedded database runs inside the server's process, on its core. Otherwise the core of a
   * database process of its own, the way a real MongoDB runs beside the application.
   */
  private String databaseCore;
  /** Whether the embedded database forces every write to disk ({@code mongo.embeddedFsync}, off by default). */
  private boolean fsync;
  /** Where to write the latency timeline of the measured window, or null. */
  private Path timeline;
  /** The longest warm-up, in seconds, while the servers' JIT is still busy. */
  private int maxWarmup = 600;

  public static void main(String[] args) throws Exception {
    List<Integer> clients = List.of(100, 1000, 5000);
    List<Integer> rates = List.of(100, 100, 20);
    int seconds = 10;
    int warmup = 120;
    int maxWarmup = 600;
    String serverCore = "0";
    boolean batches = true;
    boolean bare = true;
    String databaseCore = null;
    boolean fsync = false;
    Path timeline = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--clients" -> clients = ints(args[i + 1]);
        case "--rates" -> rates = ints(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--max-warmup" -> maxWarmup = Integer.parseInt(args[i + 1]);
        case "--batch" -> batches = Boolean.parseBoolean(args[i + 1]);
        case "--server-core" -> serverCore = args[i + 1];
        case "--database-core" -> databaseCore = args[i + 1];
        case "--fsync" -> fsync = Boolean.parseBoolean(args[i + 1]);
        case "--bare" -> bare = Boolean.parseBoolean(args[i + 1]);
        case "--timeline" -> timeline = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ChatBench bench = new ChatBench();
    bench.batches = batches;
    bench.databaseCore = databaseCore;
    bench.fsync = fsync;
    bench.timeline = timeline;
    bench.maxWarmup = Math.max(warmup, maxWarmup);
    List<String> summary = new ArrayList<>();
    try {
      for (int i = 0; i < clients.size(); i++) {
        Result stored = bench.run(true, clients.get(i), rates.get(i), warmup, seconds, serverCore);
        summary.add(stored.line("rapporteur"));
        if (!bare) {
          continue;
        }
        Result ceiling = bench.run(false, clients.get(i), rates.get(i), warmup, seconds, serverCore);
        summary.add(ceiling.line("bare-vertx"));
        summary.add(String.format(Locale.ROOT,
            "  ratio rapporteur/bare: deliveries/s %.2f, p50 latency x%.1f, p99 latency x%.1f",
            stored.deliveriesPerSecond / ceiling.deliveriesPerSecond,
            stored.p50Millis / Math.max(0.001, ceiling.p50Millis), stored.p99Millis / Math.max(0.001, ceiling.p99Millis)));
      }
    } finally {
      bench.vertx.close().await();
    }
    System.out.println();
    System.out.println("| server | clients N | msgs/s M | warm-up s | sent | delivered | not delivered after 10 s drain | deliveries/s | p50 ms | p99 ms | max ms | ack p50 / p99 ms | msgs per frame | server RSS MiB | server CPU µs per delivery |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    summary.forEach(System.out::println);
  }

  private static List<Integer> ints(String csv) {
    return java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  record Result(int clients, int rate, int warmupSeconds, long sent, long delivered, double deliveriesPerSecond, double p50Millis,
      double p99Millis, double maxMillis, double ackP50Millis, double ackP99Millis, double eventsPerFrame, long rssMiB,
      double cpuMicrosPerDelivery) {
    String line(String server) {
      String ack = Double.isNaN(ackP50Millis) ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f", ackP50Millis,
          ackP99Millis);
      return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %.2f | %d | %.2f |",
          server, clients, rate, warmupSeconds, sent, delivered, sent * clients - delivered, deliveriesPerSecond, p50Millis, p99Millis,
          maxMillis, ack, eventsPerFrame, rssMiB, cpuMicrosPerDelivery);
    }
  }

  private Result run(boolean rapporteur, int n, int rate, int warmup, int seconds, String core) throws Exception {
    int port = 20_000 + (int) (Math.random() * 20_000);
    Path dataDir = Files.createTempDirectory("chat-bench");
    Process database = rapporteur && databaseCore != null ? startDatabase(dataDir) : null;
    Process server = startServer(rapporteur, port, dataDir, core, database == null ? null : databaseUri(database));
    try {
      waitForHealth(port);
      String cookie = null;
      String room = "bench";
      if (rapporteur) {
        Session session = signIn(port);
        cookie = session.cookie;
        room = "group:" + createGroup(port, session);
      }
      System.out.printf(Locale.ROOT, "%s: connecting %d clients...%n", rapporteur ? "rapporteur" : "bare", n);
      Load load = new Load(port, cookie, room, rapporteur);
      load.connect(n);
      System.out.printf(Locale.ROOT,
          "%s: %d clients connected; sending %d msgs/s for %d to %d s of warm-up (until the JIT is quiet), then %d s%n",
          rapporteur ? "rapporteur" : "bare", n, rate, warmup, maxWarmup, seconds);
      // The load generator's own JIT counts too: a compilation on its core stamps deliveries late.
      long self = ProcessHandle.current().pid();
      List<Long> jvms = database == null ? List.of(server.pid(), self) : List.of(server.pid(), database.pid(), self);
      return load.measure(rate, new JitActivity(jvms, warmup, maxWarmup), seconds, server.pid());
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      if (database != null) {
        database.destroy();
        database.waitFor(10, TimeUnit.SECONDS);
      }
      deleteTree(dataDir.toFile());
    }
  }

  private Process startDatabase(Path dataDir) throws IOException {
    // The database shares its core with the load generator. Ahead of it in the scheduler (a negative nice
    // value, which needs root; without it nice warns and runs the database as before), it answers as if it
    // had a core of its own, as a MongoDB server has, instead of waiting for the load generator's turn.
    List<String> command = new ArrayList<>(List.of("nice", "-n", "-10", "taskset", "-c", databaseCore, javaBin(),
        "-Xmx512m"));
    command.addAll(extraOptions("BENCH_DATABASE_OPTS"));
    command.addAll(List.of("-cp", classpath, StandaloneDatabase.class.getName(), dataDir.resolve("db").toString(),
        Boolean.toString(fsync)));
    return new ProcessBuilder(command).redirectError(dataDir.resolve("database.log").toFile()).start();
  }

  /** The database prints its connection string once it listens; the JVM may print other lines first. */
  private static String databaseUri(Process database) throws IOException {
    java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(database.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 0; i < 20; i++) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      if (line.startsWith("mongodb://")) {
        return line;
      }
    }
    throw new IllegalStateException("the database process did not start (see database.log)");
  }

  private Process startServer(boolean rapporteur, int port, Path dataDir, String core, String mongoUri)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", core, javaBin(), "-Xmx512m",
        "-Dvertx.cacheDirBase=" + dataDir.resolve("vertx-cache")));
    command.addAll(extraOptions("BENCH_SERVER_OPTS"));
    command.addAll(List.of("-cp", classpath));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (rapporteur) {
      Path config = dataDir.resolve("bench.json");
      JsonObject json = org.rapporteur.platform.config.ConfigLoader.readBase(null);
      json.getJsonObject("chat").getJsonObject("rateLimit").put("enabled", false);
      json.getJsonObject("chat").put("replayBufferEvents", 100_000);
      json.getJsonObject("accounts").put("pbkdf2Iterations", 1000);
      json.getJsonObject("mongo").put("embeddedFsync", fsync);
      Files.writeString(config, json.encodePrettily());
      command.add("org.rapporteur.Main");
      builder.environment().put("CONFIG_FILE", config.toString());
      builder.environment().put("DATA_DIR", dataDir.toString());
      builder.environment().put("HTTP_HOST", "127.0.0.1");
      builder.environment().put("HTTP_PORT", Integer.toString(port));
      if (mongoUri != null) {
        builder.environment().put("MONGO_URI", mongoUri);
      }
      builder.environment().put("ADMIN_EMAIL", ADMIN_EMAIL);
      builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    } else {
      command.add("org.rapporteur.bench.BareBroadcastServer");
      command.add(Integer.toString(port));
    }
    builder.command(command);
    builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
    return builder.start();
  }

  /** JVM options from an environment variable (GC or compilation logs while profiling), split at spaces. */
  private static List<String> extraOptions(String variable) {
    String options = System.getenv(variable);
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void waitForHealth(int port) throws InterruptedException {
    HttpClient http = vertx.createHttpClient();
    try {
      for (int i = 0; i < 300; i++) {
        try {
          int status = http.request(HttpMethod.GET, port, "127.0.0.1", "/health")
              .compose(r -> r.send()).map(HttpClientResponse::statusCode).await(2, TimeUnit.SECONDS);
          if (status == 200) {
            return;
          }
        } catch (Exception notYet) {
          // the server is still starting
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("server on port " + port + " did not become healthy within 60 s");
    } finally {
      http.close();
    }
  }

  private record Session(String cookie, String csrf) {}

  /** The server answers /health before it has created the admin account, so sign-in is retried briefly. */
  private Session signIn(int port) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return signInOnce(port);
      } catch (IllegalStateException e) {
        if (attempt >= 50) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private Session signInOnce(int port) {
    HttpClient http = vertx.createHttpClient();
    try {
      HttpClientResponse me = http.request(HttpMethod.GET, port, "127.0.0.1", "/api/me").compose(r -> r.send())
          .compose(r -> r.body().map(r)).await();
      String csrf = cookieValue(me.cookies(), "XSRF-TOKEN");
      RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setHost("127.0.0.1")
          .setURI("/api/session").addHeader("Content-Type", "application/json")
          .addHeader("Cookie", "XSRF-TOKEN=" + csrf).addHeader("X-XSRF-TOKEN", csrf);
      HttpClientResponse signedIn = http.request(post).compose(r -> r.send(
          new JsonObject().put("email", ADMIN_EMAIL).put("password", ADMIN_PASSWORD).encode()))
          .compose(r -> r.body().map(r)).await();
      if (signedIn.statusCode() != 200) {
        throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
      }
      return new Session(cookieValue(signedIn.cookies(), "rapporteur_session"), csrf);
    } finally {
      http.close();
    }
  }

  private String createGroup(int port, Session session) {
    HttpClient http = vertx.createHttpClient();
    try {
      RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setHost("127.0.0.1")
          .setURI("/api/groups").addHeader("Content-Type", "application/json")
          .addHeader("Cookie", "XSRF-TOKEN=" + session.csrf + "; rapporteur_session=" + session.cookie)
          .addHeader("X-XSRF-TOKEN", session.csrf);
      Buffer body = http.request(post).compose(r -> r.send(new JsonObject().put("code", "BENCH")
          .put("sector", "ITU-D").put("kind", "rapporteur-group").put("title", "Benchmark room")
          .put("visibility", "public").encode())).compose(response -> response.body().map(b -> {
            if (response.statusCode() != 201) {
              throw new IllegalStateException("group creation failed: " + response.statusCode() + " " + b);
            }
            return b;
          })).await();
      return body.toJsonObject().getString("id");
    } finally {
      http.close();
    }
  }

  private static String cookieValue(List<String> setCookies, String name) {
    for (String header : setCookies) {
      if (header.startsWith(name + "=")) {
        return header.substring(name.length() + 1).split(";")[0];
      }
    }
    throw new IllegalStateException("no " + name + " cookie in " + setCookies);
  }

  /** N clients in one room; all counters touched only on the single client event loop. */
  private final class Load {
    private final int port;
    private final String cookie;
    private final String room;
    private final boolean rapporteur;
    private final List<WebSocket> sockets = new ArrayList<>();
    private final int[] histogram = new int[BUCKETS];
    /** Send-to-ack latency: the message is stored when its ack leaves the server. */
    private final int[] ackHistogram = new int[BUCKETS];
    private long[] sentAt = new long[0];
    private final AtomicLong delivered = new AtomicLong();
    /** The first 10 ms slot of send time in the measured window (for the timeline). */
    private int firstMeasuredSlot;
    /**
     * Messages sent from this time on are measured. Set by the measuring thread; the client's event
     * loop counts with arithmetic instead of a branch (see {@link #measured}).
     */
    private volatile long windowStart = Long.MAX_VALUE;
    private long measuredDeliveries;
    /** Frames that carried messages, to show how many messages each frame carried on average. */
    private long measuredFrames;
    private long maxNanos;
    private final WebSocketClient client;
    /** Per 10 ms of send time: deliveries, deliveries over 20 ms and the worst latency (for --timeline). */
    private static final long SLOT_NANOS = 10_000_000;
    private long startNanos;
    private long[] slotDeliveries = new long[0];
    private long[] slotSlow = new long[0];
    private long[] slotWorst = new long[0];
    private long[] slotAckWorst = new long[0];

    Load(int port, String cookie, String room, boolean rapporteur) {
      this.port = port;
      this.cookie = cookie;
      this.room = room;
      this.rapporteur = rapporteur;
      this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(20_000)
          .setMaxFrameSize(65_536));
    }

    void connect(int n) throws java.util.concurrent.TimeoutException {
      for (int start = 0; start < n; start += 200) {
        List<Future<WebSocket>> batch = new ArrayList<>();
        for (int i = start; i < Math.min(n, start + 200); i++) {
          WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
              .setURI(rapporteur ? "/api/realtime" : "/").addHeader("Origin", "http://127.0.0.1:" + port);
          if (cookie != null) {
            options.addHeader("Cookie", "rapporteur_session=" + cookie);
          }
          batch.add(client.connect(options));
        }
        for (Future<WebSocket> f : batch) {
          WebSocket ws = f.await(60, TimeUnit.SECONDS);
          ws.textMessageHandler(this::onFrame);
          sockets.add(ws);
          if (rapporteur) {
            ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("room", room).put("batch", batches)
                .encode());
          }
        }
      }
      try {
        Thread.sleep(1000); // lets every subscription settle before the clock starts
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Every message carries its send time as {@code t=<nanoTime>}; an {@code events} frame carries several. */
    private void onFrame(String frame) {
      long now = System.nanoTime();
      if (frame.startsWith("{\"type\":\"ack\"")) {
        int at = frame.indexOf("\"b-");
        int end = frame.indexOf('"', at + 1);
        int i = Integer.parseInt(frame.substring(at + 3, end));
        if (i < sentAt.length) {
          ackHistogram[(int) Math.min(BUCKETS - 1, (now - sentAt[i]) / BUCKET_NANOS)] += measured(sentAt[i]);
          int slot = (int) ((sentAt[i] - startNanos) / SLOT_NANOS);
          if (slot >= 0 && slot < slotAckWorst.length) {
            slotAckWorst[slot] = Math.max(slotAckWorst[slot], now - sentAt[i]);
          }
        }
        return;
      }
      long frameWindowStart = windowStart;
      boolean first = true;
      for (int at = frame.indexOf("t="); at >= 0; at = frame.indexOf("t=", at + 2)) {
        int end = at + 2;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
          end++;
        }
        if (end == at + 2) {
          continue;
        }
        long sendTime = Long.parseLong(frame.substring(at + 2, end));
        long latency = now - sendTime;
        delivered.incrementAndGet();
        int counted = measured(sendTime, frameWindowStart);
        measuredFrames += first ? counted : 0;
        first = false;
        measuredDeliveries += counted;
        int slot = (int) ((sendTime - startNanos) / SLOT_NANOS);
        if (slot >= 0 && slot < slotDeliveries.length) {
          slotDeliveries[slot]++;
          slotSlow[slot] += latency > 20_000_000 ? 1 : 0;
          slotWorst[slot] = Math.max(slotWorst[slot], latency);
        }
        histogram[(int) Math.min(BUCKETS - 1, latency / BUCKET_NANOS)] += counted;
        maxNanos = Math.max(maxNanos, latency * counted);
      }
    }

    private int measured(long sendTime) {
      return measured(sendTime, windowStart);
    }

    /**
     * 1 when the message was sent in the measured window, else 0, without a branch: a branch first
     * taken when measuring starts makes the JIT throw out and recompile the client's frame handler
     * (as would a new timer or task on its event loop), and the client then stamps a second of
     * deliveries late.
     */
    private static int measured(long sendTime, long windowStart) {
      return (int) ((windowStart - sendTime - 1) >>> 63);
    }

    Result measure(int rate, JitActivity warmup, int seconds, long serverPid) throws InterruptedException {
      int senders = Math.min(10, sockets.size());
      sentAt = new long[(warmup.maxSeconds() + seconds + 5) * rate];
      AtomicLong sent = new AtomicLong();
      long warmupNanos = TimeUnit.SECONDS.toNanos(warmup.maxSeconds());
      long measureNanos = TimeUnit.SECONDS.toNanos(seconds);
      long start = System.nanoTime();
      long startWallMillis = System.currentTimeMillis();
      startNanos = start;
      int slots = (int) ((warmupNanos + measureNanos) / SLOT_NANOS) + 1;
      slotDeliveries = new long[slots];
      slotSlow = new long[slots];
      slotWorst = new long[slots];
      slotAckWorst = new long[slots];
      long[] window = new long[2];
      long timer = vertx.setPeriodic(5, id -> {
        long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
        while (sent.get() < due) {
          long i = sent.getAndIncrement();
          long sendTime = System.nanoTime();
          if (i < sentAt.length) {
            sentAt[(int) i] = sendTime;
          }
          String text = "t=" + sendTime;
          String frame = new JsonObject().put("type", "send").put("room", room).put("clientId", "b-" + i)
              .put("text", text).encode();
          sockets.get((int) (i % senders)).writeTextMessage(frame);
        }
      });
      int warmedUp = warmup.awaitQuiet();
      System.out.printf(Locale.ROOT, "  warm-up %d s; compiling in the last %d s (server%s / load generator): %s%n",
          warmedUp, JitActivity.SAMPLE_SECONDS, warmup.jvms() == 3 ? " / database" : "", warmup.lastSample());
      long cpuBefore = cpuMicros(serverPid);
      long deliveredBefore = delivered.get();
      window[0] = System.nanoTime();
      firstMeasuredSlot = (int) ((window[0] - start) / SLOT_NANOS);
      windowStart = window[0];
      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(measureNanos));
      vertx.cancelTimer(timer);
      window[1] = System.nanoTime();
      long expected;
      long deadline = System.currentTimeMillis() + 10_000;
      Thread.sleep(50);
      expected = sent.get() * sockets.size();
      while (delivered.get() < expected && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      long rss = rssMiB(serverPid);
      double cpuPerDelivery = (cpuMicros(serverPid) - cpuBefore) / (double) Math.max(1, delivered.get() - deliveredBefore);
      double windowSeconds = (window[1] - window[0]) / 1e9;
      Result result = new Result(sockets.size(), rate, warmedUp, sent.get(), delivered.get(), measuredDeliveries / windowSeconds,
          percentile(histogram, 0.50), percentile(histogram, 0.99), maxNanos / 1e6,
          rapporteur ? percentile(ackHistogram, 0.50) : Double.NaN, rapporteur ? percentile(ackHistogram, 0.99) : Double.NaN,
          measuredDeliveries / (double) Math.max(1, measuredFrames), rss, cpuPerDelivery);
      System.out.println(result.line(rapporteur ? "rapporteur" : "bare-vertx"));
      if (timeline != null) {
        writeTimeline(startWallMillis);
      }
      for (WebSocket ws : sockets) {
        ws.close();
      }
      client.close();
      return result;
    }

    private void writeTimeline(long startWallMillis) {
      StringBuilder out = new StringBuilder("wall-clock\tdeliveries\tover 20 ms\tworst ms\tworst ack ms\n");
      java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
          .withZone(java.time.ZoneId.systemDefault());
      for (int slot = 0; slot < slotDeliveries.length; slot++) {
        if (slot >= firstMeasuredSlot && slotDeliveries[slot] > 0) {
          out.append(format.format(java.time.Instant.ofEpochMilli(startWallMillis + slot * SLOT_NANOS / 1_000_000)))
              .append('\t').append(slotDeliveries[slot]).append('\t').append(slotSlow[slot]).append('\t')
              .append(String.format(Locale.ROOT, "%.1f\t%.1f", slotWorst[slot] / 1e6, slotAckWorst[slot] / 1e6))
              .append('\n');
        }
      }
      try {
        Files.writeString(timeline, out);
      } catch (IOException e) {
        System.err.println("could not write the timeline: " + e);
      }
    }

    private double percentile(int[] histogram, double p) {
      long total = 0;
      for (int count : histogram) {
        total += count;
      }
      long rank = (long) Math.ceil(total * p);
      long seen = 0;
      for (int i = 0; i < BUCKETS; i++) {
        seen += histogram[i];
        if (seen >= rank && rank > 0) {
          return (i + 1) * BUCKET_NANOS / 1e6;
        }
      }
      return Double.NaN;
    }
  }

  /**
   * The CPU time the process has used (user and system, in microseconds, from /proc), or -1. Divided
   * by the deliveries meanwhile it is the server's cost per delivery, which other work on a shared
   * machine stretches far less than it stretches latency.
   */
  private static long cpuMicros(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1_000_000L / 100;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static void deleteTree(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteTree(child);
      }
    }
    file.delete();
  }
}
