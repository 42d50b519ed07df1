package org.rapporteur.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestDocuments;
import org.rapporteur.support.TestServer;

/**
 * Upload-and-extract benchmark: uploads a mix of DOCX and PDF files (up to 5 MB) with a few clients
 * at once, waits for each to be extracted, and probes /health all along. Run with bench/upload-extract.sh.
 */
public final class UploadExtractBench {
  private static final int FILES = Integer.getInteger("bench.files", 40);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);
  private static final String[] WORDS = ("broadband connectivity spectrum regulation rural network operator "
      + "infrastructure satellite mobile access affordable policy digital inclusion emergency telecommunication "
      + "cybersecurity capacity building standard question rapporteur contribution meeting region").split(" ");

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("rapporteur-bench");
    TestServer server = TestServer.start(vertx, dataDir, new JsonObject().put("contributions",
        new JsonObject().put("uploadsPerUserPerHour", 100_000)));
    ApiClient admin = server.admin();
    ApiClient expert = server.client();
    expert.registerAndSignIn("bench@example.org", "Bench Mark");
    String groupId = Contributions.group(admin, "BENCH", "public", "bench@example.org");

    List<byte[]> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Random random = new Random(2026);
    for (int i = 0; i < FILES; i++) {
      switch (i % 4) {
        case 0 -> { files.add(docx(random, 40, 4_500_000)); names.add("large-" + i + ".docx"); }
        case 1 -> { files.add(docx(random, 60, 300_000)); names.add("report-" + i + ".docx"); }
        case 2 -> { files.add(pdf(random, 30)); names.add("paper-" + i + ".pdf"); }
        default -> { files.add(docx(random, 20, 1_000_000)); names.add("note-" + i + ".docx"); }
      }
    }
    long totalBytes = files.stream().mapToLong(f -> f.length).sum();
    System.out.printf("Workload: %d files, %.1f MB, concurrency %d%n", FILES, totalBytes / 1e6, CONCURRENCY);

    // one warm-up file so the child JVMs are started before timing
    String warm = Contributions.uploadOk(expert, groupId, "warm.docx", docx(random, 5, 0), "Warm").getString("id");
    Contributions.awaitExtraction(expert, warm);

    List<Long> healthMillis = new CopyOnWriteArrayList<>();
    AtomicBoolean probing = new AtomicBoolean(true);
    Thread prober = new Thread(() -> {
      ApiClient monitor = server.client();
      while (probing.get()) {
        long t0 = System.nanoTime();
        monitor.get("/health");
        healthMillis.add((System.nanoTime() - t0) / 1_000_000);
        Contributions.sleep(20);
      }
    });
    prober.start();

    AtomicLong maxHeap = new AtomicLong();
    AtomicLong maxChildRss = new AtomicLong();
    Thread memory = new Thread(() -> {
      while (probing.get()) {
        maxHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        long rss = server.app().services().contributions().extractor().childPids().stream()
            .mapToLong(UploadExtractBench::rssBytes).sum();
        maxChildRss.accumulateAndGet(rss, Math::max);
        Contributions.sleep(100);
      }
    });
    memory.setDaemon(true);
    memory.start();

    List<Long> timeToText = Collections.synchronizedList(new ArrayList<>());
    List<Long> uploadMillis = Collections.synchronizedList(new ArrayList<>());
    List<Long> extractMillis = Collections.synchronizedList(new ArrayList<>());
    ConcurrentHashMap<String, String> states = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    List<Thread> clients = new ArrayList<>();
    AtomicLong next = new AtomicLong();
    for (int c = 0; c < CONCURRENCY; c++) {
      Thread client = new Thread(() -> {
        for (int i = (int) next.getAndIncrement(); i < FILES; i = (int) next.getAndIncrement()) {
          long t0 = System.nanoTime();
          JsonObject created = Contributions.uploadOk(expert, groupId, names.get(i), files.get(i), "Bench " + i);
          uploadMillis.add((System.nanoTime() - t0) / 1_000_000);
          JsonObject done = Contributions.awaitExtractionQuickly(expert, created.getString("id"));
          timeToText.add((System.nanoTime() - t0) / 1_000_000);
          extractMillis.add(done.getJsonObject("extraction").getLong("millis"));
          states.merge(done.getJsonObject("extraction").getString("state"), "x", String::concat);
        }
      });
      clients.add(client);
      client.start();
    }
    for (Thread client : clients) {
      client.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    probing.set(false);
    prober.join();

    System.out.printf("Elapsed: %.1f s; throughput %.2f MB/s, %.2f files/s%n", seconds, totalBytes / 1e6 / seconds,
        FILES / seconds);
    System.out.printf("Time-to-text (upload start to text stored): p50 %d ms, p99 %d ms, max %d ms%n",
        Percentiles.of(timeToText, 50), Percentiles.of(timeToText, 99), Percentiles.of(timeToText, 100));
    System.out.printf("Upload (request to 201, file in GridFS): p50 %d ms, p99 %d ms%n", Percentiles.of(uploadMillis, 50),
        Percentiles.of(uploadMillis, 99));
    System.out.printf("Tika time inside the child: p50 %d ms, p99 %d ms%n", Percentiles.of(extractMillis, 50), Percentiles.of(extractMillis, 99));
    System.out.printf("Extraction states: %s%n", states.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().length()).toList());
    System.out.printf("/health: %d probes, p50 %d ms, p99 %d ms, max %d ms%n", healthMillis.size(),
        Percentiles.of(healthMillis, 50), Percentiles.of(healthMillis, 99), Percentiles.of(healthMillis, 100));
    System.out.printf("Server JVM heap used, max seen: %.0f MB (max heap %d MB); extractor children RSS max: %.0f MB%n",
        maxHeap.get() / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000, maxChildRss.get() / 1e6);
    server.close();
    vertx.close().await();
    System.exit(0);
  }

  /** A DOCX with {@code pages} pages of words and an incompressible picture of {@code pictureBytes}. */
  static byte[] docx(Random random, int pages, int pictureBytes) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setTitle("Benchmark contribution");
      doc.getProperties().getCoreProperties().setCreator("Bench Mark");
      for (int p = 0; p < pages * 8; p++) {
        doc.createParagraph().createRun().setText(sentence(random, 60));
      }
      if (pictureBytes > 0) {
        byte[] picture = new byte[pictureBytes];
        random.nextBytes(picture);
        XWPFRun run = doc.createParagraph().createRun();
        run.addPicture(new ByteArrayInputStream(picture), Document.PICTURE_TYPE_PNG, "figure.png", 100, 100);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] pdf(Random random, int lines) {
    List<String> text = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      text.add(sentence(random, 12));
    }
    return TestDocuments.pdf("Benchmark paper", "Bench Mark", text, null);
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      s.append(WORDS[random.nextInt(WORDS.length)]).append(w == words - 1 ? "." : " ");
    }
    return s.substring(0, 1).toUpperCase() + s.substring(1);
  }

  private static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (Exception ignored) {
      // the child may have just been replaced
    }
    return 0;
  }

  private UploadExtractBench() {}
}
