package org.rapporteur.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestDocuments;
import org.rapporteur.support.TestServer;

/**
 * Hostile search benchmark: {@code bench.concurrency} clients (40) each send {@code bench.rounds}
 * copies of a hostile query at once, for each shape (the security review's 40 fuzzy terms, and others),
 * against an index of {@code bench.documents} contributions; prints each shape's statuses and
 * latencies (p50, p99, max). Run with bench/search-hostile.sh.
 */
public final class SearchHostileBench {
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 40);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
  private static final int DOCUMENTS = Integer.getInteger("bench.documents", 40);

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("rapporteur-bench");
    TestServer server = TestServer.start(vertx, dataDir, new JsonObject().put("contributions",
        new JsonObject().put("uploadsPerUserPerHour", 100_000)));
    ApiClient expert = server.client();
    expert.registerAndSignIn("bench@example.org", "Bench Mark");
    String group = Contributions.group(server.admin(), "BENCH", "public", "bench@example.org");
    Random random = new Random(2026);
    String last = null;
    for (int i = 0; i < DOCUMENTS; i++) {
      last = Contributions.uploadOk(expert, group, "words-" + i + ".txt", TestDocuments.randomWords(random, 1200, 5).getBytes(StandardCharsets.UTF_8),
          "Rural broadband " + i).getString("id");
    }
    Contributions.awaitExtraction(expert, last);
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(CONCURRENCY));
    waitUntilIndexed(client);
    System.out.printf("Index: %d contributions of 1,200 random words each; %d clients x %d rounds per shape%n",
        DOCUMENTS, CONCURRENCY, ROUNDS);

    Map<String, String> shapes = new java.util.LinkedHashMap<>();
    shapes.put("40 fuzzy terms (317 chars)", TestDocuments.fortyFuzzyTerms());
    shapes.put("7 fuzzy terms", "kng~2 ivd~2 rur~2 bro~2 net~2 vil~2 sat~2");
    shapes.put("6 fuzzy terms (allowed)", "kng~2 ivd~2 rur~2 bro~2 net~2 vil~2");
    shapes.put("12 prefixes", "a* b* c* d* e* f* g* h* i* j* k* l*");
    shapes.put("*a*", "*a*");
    shapes.put("/.*/", "/.*/");
    shapes.put("140 nested parentheses", "(".repeat(140) + "broadband" + ")".repeat(140));
    shapes.put("4,000 characters", "broadband ".repeat(400));
    run(client, "warm-up", TestDocuments.fortyFuzzyTerms(), false);
    List<Long> all = Collections.synchronizedList(new ArrayList<>());
    for (Map.Entry<String, String> shape : shapes.entrySet()) {
      all.addAll(run(client, shape.getKey(), shape.getValue(), true));
    }
    System.out.printf("All hostile shapes: %d requests, p99 %d ms%n", all.size(), Percentiles.of(all, 99));
    server.close();
    vertx.close().await();
    System.exit(0);
  }

  private static List<Long> run(WebClient client, String name, String q, boolean print) {
    String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<Future<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CONCURRENCY; c++) {
      clients.add(loop(client, path, ROUNDS, millis, statuses));
    }
    Future.all(clients).await();
    if (print) {
      System.out.printf("%-28s statuses %s  p50 %4d ms  p99 %4d ms  max %4d ms%n", name, new TreeMap<>(statuses),
          Percentiles.of(millis, 50), Percentiles.of(millis, 99), Percentiles.of(millis, 100));
    }
    return millis;
  }

  private static Future<Void> loop(WebClient client, String path, int left, List<Long> millis,
      Map<Integer, Integer> statuses) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    long t0 = System.nanoTime();
    return client.get(path).send().compose(response -> {
      millis.add((System.nanoTime() - t0) / 1_000_000);
      statuses.merge(response.statusCode(), 1, Integer::sum);
      return loop(client, path, left - 1, millis, statuses);
    });
  }

  private static void waitUntilIndexed(WebClient client) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JsonObject found = client.get("/api/search?q=broadband&limit=1").send().await().bodyAsJsonObject();
      if (found.getLong("total", 0L) >= DOCUMENTS) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the contributions were not indexed");
  }

  private SearchHostileBench() {}
}
