package org.rapporteur.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.LocalCluster;
import org.rapporteur.support.TestServer;

/**
 * Chat through HAProxy against one node and against three (see BENCHMARKS.md, "Cluster"): the same
 * database process, HAProxy and load for both, so the difference is what crossing nodes costs. N
 * clients in one room, round robin over the nodes; S of them send M messages a second in all.
 * Latency is from the send to each receipt (p99 and max stop at 10 s); deliveries of messages sent in
 * the window that arrive after it are counted as not in the window (late, not lost: ClusterTest checks
 * loss).
 *
 * <p>{@code bench/cluster-bench.sh [--nodes 1,3] [--clients 300] [--senders 20] [--rate 10] [--warmup 20]
 * [--seconds 30]} (on the test classpath: the load generator signs in with the tests' web client). After the
 * table it prints the last case against the first: deliveries per second and p99, each as a ratio.
 */
public final class ClusterBench {
  private static final int MAX_MILLIS = 10_000;

  public static void main(String[] args) throws Exception {
    List<Integer> nodes = List.of(1, 3);
    int clients = 300;
    int senders = 20;
    int rate = 10;
    int warmup = 20;
    int seconds = 30;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--nodes" -> nodes = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--senders" -> senders = Integer.parseInt(args[i + 1]);
        case "--rate" -> rate = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    List<Result> results = new ArrayList<>();
    for (int n : nodes) {
      results.add(run(n, clients, senders, rate, warmup, seconds));
      System.err.println("measured: " + results.get(results.size() - 1).row());
    }
    System.out.println("| nodes | clients | messages/s | deliveries/s | p50 ms | p99 ms | max ms | not in the window |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    results.forEach(r -> System.out.println(r.row()));
    if (results.size() > 1) {
      System.out.println();
      System.out.println(results.get(results.size() - 1).against(results.get(0)));
    }
    System.exit(0);
  }

  /** One case's figures; p99 and max stop at {@link #MAX_MILLIS}. */
  private record Result(int nodes, int clients, long messagesPerSecond, double deliveriesPerSecond, long p50,
      long p99, long max, long late) {
    String row() {
      return String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %d | %s | %s | %d |", nodes, clients,
          messagesPerSecond, deliveriesPerSecond, p50, capped(p99), capped(max), late);
    }

    /** This case over {@code base}: deliveries per second and p99, each as a ratio. */
    String against(Result base) {
      return String.format(Locale.ROOT, "%d nodes against %d: deliveries/s %.0f / %.0f = %.2f; p99 %s / %s ms = %s",
          nodes, base.nodes, deliveriesPerSecond, base.deliveriesPerSecond,
          deliveriesPerSecond / Math.max(1, base.deliveriesPerSecond), capped(p99), capped(base.p99),
          base.p99 == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%s", p99 / (double) base.p99,
              p99 >= MAX_MILLIS ? " (at least)" : ""));
    }

    private static String capped(long millis) {
      return millis >= MAX_MILLIS ? "≥ " + MAX_MILLIS : String.valueOf(millis);
    }
  }

  private static Result run(int nodes, int clients, int senders, int rate, int warmup, int seconds) throws Exception {
    Path dir = Files.createTempDirectory("rapporteur-cluster-bench");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (LocalCluster cluster = LocalCluster.start(dir, nodes)) {
      WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 10));
      ApiClient admin = ApiClient.forPort(vertx, cluster.lbPort());
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      String groupId = admin.post("/api/groups", new JsonObject().put("code", "BENCH-" + nodes)
          .put("sector", "ITU-D").put("kind", "rapporteur-group").put("title", "Bench " + nodes)
          .put("visibility", "public")).bodyAsJsonObject().getString("id");
      String room = "group:" + groupId;
      List<String> cookies = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        ApiClient person = ApiClient.forPort(vertx, cluster.lbPort());
        String email = "bench" + i + "@example.org";
        person.registerAndSignIn(email, "Bench " + i);
        admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", email).put("role", "member"));
        cookies.add(person.cookie("rapporteur_session"));
      }
      AtomicLongArray histogram = new AtomicLongArray(MAX_MILLIS + 1);
      AtomicLong deliveries = new AtomicLong();
      AtomicLong measuringFrom = new AtomicLong(Long.MAX_VALUE);
      List<WebSocket> sockets0 = new ArrayList<>();
      List<Future<WebSocket>> connecting = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(cluster.lbPort())
            .setURI("/api/realtime").addHeader("Origin", cluster.origin())
            .addHeader("Cookie", "rapporteur_session=" + cookies.get(i % cookies.size()));
        connecting.add(sockets.connect(options).onSuccess(ws -> {
          ws.textMessageHandler(text -> received(new JsonObject(text), histogram, deliveries, measuringFrom));
          ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("room", room).put("batch", true).encode());
        }));
      }
      Future.all(connecting).timeout(120, TimeUnit.SECONDS).await();
      connecting.forEach(f -> sockets0.add(f.result()));
      Thread.sleep(2000);
      AtomicLong counter = new AtomicLong();
      long periodMillis = Math.max(1, 1000L * senders / rate);
      List<Long> timers = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        WebSocket ws = sockets0.get(s);
        timers.add(vertx.setPeriodic(periodMillis, id -> ws.writeTextMessage(new JsonObject().put("type", "send")
            .put("room", room).put("clientId", "b" + counter.incrementAndGet())
            .put("text", "t:" + System.nanoTime()).encode())));
      }
      Thread.sleep(warmup * 1000L);
      for (int i = 0; i <= MAX_MILLIS; i++) {
        histogram.set(i, 0);
      }
      deliveries.set(0);
      long sentBefore = counter.get();
      measuringFrom.set(System.nanoTime());
      Thread.sleep(seconds * 1000L);
      long delivered = deliveries.get();
      long sent = counter.get() - sentBefore;
      timers.forEach(vertx::cancelTimer);
      sockets0.forEach(WebSocket::close);
      long expected = sent * clients;
      return new Result(nodes, clients, sent / seconds, delivered / (double) seconds, percentile(histogram, 0.50),
          percentile(histogram, 0.99), percentile(histogram, 1.0), Math.max(0, expected - delivered));
    } finally {
      vertx.close().await();
    }
  }

  private static void received(JsonObject frame, AtomicLongArray histogram, AtomicLong deliveries, AtomicLong from) {
    if ("events".equals(frame.getString("type"))) {
      frame.getJsonArray("events").forEach(e -> received((JsonObject) e, histogram, deliveries, from));
      return;
    }
    if (!"event".equals(frame.getString("type"))) {
      return;
    }
    String text = frame.getJsonObject("event").getString("text", "");
    if (!text.startsWith("t:")) {
      return;
    }
    long sentAt = Long.parseLong(text.substring(2));
    if (sentAt < from.get()) {
      return;
    }
    deliveries.incrementAndGet();
    int millis = (int) Math.min(MAX_MILLIS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
    histogram.incrementAndGet(millis);
  }

  private static long percentile(AtomicLongArray histogram, double p) {
    long total = 0;
    for (int i = 0; i <= MAX_MILLIS; i++) {
      total += histogram.get(i);
    }
    long wanted = (long) Math.ceil(total * p);
    long seen = 0;
    for (int i = 0; i <= MAX_MILLIS; i++) {
      seen += histogram.get(i);
      if (seen >= wanted && histogram.get(i) > 0) {
        return i;
      }
    }
    return MAX_MILLIS;
  }
}
