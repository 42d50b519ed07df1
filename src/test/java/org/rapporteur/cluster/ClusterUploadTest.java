package org.rapporteur.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.LocalCluster;
import org.rapporteur.support.TestServer;

/**
 * Uploads and extraction across two server processes over one database process: an upload continues
 * through another node, and a node killed while it reads a file leaves the file to the other.
 *
 * <p>The kill runs last ({@link Order}): the upload test needs both nodes, and a second cluster would
 * double the run on a two-core machine. No test depends on another's data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterUploadTest {
  private static final int NODES = 2;
  private static final long WAIT_MILLIS = 120_000;
  private static final String EXPERT = "neema.mushi@example.tz";

  private static LocalCluster cluster;
  private static Vertx vertx;
  private static ApiClient[] experts = new ApiClient[NODES];
  private static String groupId;
  /** Extractor children this test froze: killed at the end whatever happens, as no parent reaps them. */
  private static final List<ProcessHandle> frozen = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    LocalCluster.assumeHaproxy("ClusterUploadTest");
    cluster = LocalCluster.start(Files.createTempDirectory("rapporteur-cluster-uploads"), NODES);
    vertx = cluster.clients();
    ApiClient admin = ApiClient.forPort(vertx, cluster.lbPort());
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    experts[0] = ApiClient.forPort(vertx, cluster.nodePort(0));
    experts[0].registerAndSignIn(EXPERT, "Neema Mushi");
    experts[1] = ApiClient.forPort(vertx, cluster.nodePort(1));
    experts[1].signIn(EXPERT, ApiClient.PASSWORD);
    groupId = Contributions.group(admin, "SG1RGQ-TZ", "public", EXPERT);
  }

  @AfterAll
  static void stopCluster() {
    frozen.forEach(ProcessHandle::destroyForcibly);
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("A tus upload half sent through one node is finished through another and its text is extracted")
  void uploadContinuesThroughAnotherNode() {
    byte[] file = document("Community networks bring broadband to rural Tanzania", 600 * 1024);
    HttpResponse<Buffer> created = tus(experts[0], HttpMethod.POST, "/api/uploads")
        .putHeader("Upload-Length", Integer.toString(file.length))
        .putHeader("Upload-Metadata", metadata(Map.of("groupId", groupId, "title", "Rural broadband",
            "source", "Tanzania", "filename", "rural-broadband.txt", "filetype", "text/plain")))
        .send().await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String location = created.getHeader("Location");
    int half = file.length / 2;

    HttpResponse<Buffer> first = patch(experts[0], location, 0, Arrays.copyOfRange(file, 0, half));
    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(tus(experts[1], HttpMethod.HEAD, location).send().await().getHeader("Upload-Offset"))
        .as("the other node sees where the upload stands").isEqualTo(Integer.toString(half));
    HttpResponse<Buffer> rest = patch(experts[1], location, half, Arrays.copyOfRange(file, half, file.length));
    assertThat(rest.statusCode()).as(rest.bodyAsString()).isEqualTo(204);
    String id = rest.getHeader("Contribution-Id");
    assertThat(id).isNotNull();

    JsonObject contribution = Contributions.awaitExtraction(experts[0], id, 0, Duration.ofSeconds(90));
    assertThat(contribution.getJsonObject("extraction").getString("state")).isEqualTo("done");
    byte[] stored = experts[0].get("/api/contributions/" + id + "/file").body().getBytes();
    assertThat(stored).isEqualTo(file);
    assertThat(experts[0].get("/api/contributions/" + id + "/text").bodyAsString())
        .contains("Community networks bring broadband to rural Tanzania");
  }

  @Test
  @Order(2)
  @DisplayName("A file whose node is killed while reading it is extracted by the other node")
  void extractionOfAKilledNodeIsTakenOver() throws Exception {
    // Freezing the extractor children holds the file in whichever node claims it, so the kill is
    // certain to land mid-extraction.
    waitFor(() -> children(0).size() == 1 && children(1).size() == 1, "an extractor child on every node");
    signal("STOP", children(0));
    signal("STOP", children(1));
    byte[] file = document("Spectrum for satellite backhaul in small island states", 4 * 1024);
    HttpResponse<Buffer> uploaded = Contributions.upload(experts[0], groupId, "backhaul.txt", file, "text/plain",
        Contributions.fields("Satellite backhaul"));
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
    String id = uploaded.bodyAsJsonObject().getString("id");
    String claim = "Claimed extraction job " + id + "-0 (attempt 1)";
    waitFor(() -> output(0).contains(claim) || output(1).contains(claim), "a node claimed the job");
    int claimer = output(0).contains(claim) ? 0 : 1;
    int survivor = 1 - claimer;
    List<ProcessHandle> stillFrozen = children(claimer);
    signal("CONT", children(survivor));

    cluster.kill(claimer);
    stillFrozen.forEach(ProcessHandle::destroyForcibly);

    JsonObject contribution = Contributions.awaitExtraction(experts[survivor], id, 0, Duration.ofSeconds(90));
    assertThat(contribution.getJsonObject("extraction").getString("state")).isEqualTo("done");
    assertThat(experts[survivor].get("/api/contributions/" + id + "/text").bodyAsString())
        .contains("Spectrum for satellite backhaul in small island states");
    assertThat(output(survivor)).contains("Claimed extraction job " + id + "-0 (attempt 2)");
  }

  private static byte[] document(String sentence, int size) {
    StringBuilder text = new StringBuilder();
    for (int line = 1; text.length() < size; line++) {
      text.append(sentence).append(", paragraph ").append(line).append(".\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<ProcessHandle> children(int node) {
    return cluster.process(node).children().filter(ProcessHandle::isAlive).toList();
  }

  private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle process : processes) {
      frozen.add(process);
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s", signal).isTrue();
    }
  }

  private static String output(int node) {
    try {
      return cluster.output(node);
    } catch (IOException e) {
      return "";
    }
  }

  private static HttpResponse<Buffer> patch(ApiClient client, String location, long offset, byte[] bytes) {
    return tus(client, HttpMethod.PATCH, location).putHeader("Upload-Offset", Long.toString(offset))
        .putHeader("Content-Type", "application/offset+octet-stream").sendBuffer(Buffer.buffer(bytes)).await();
  }

  private static HttpRequest<Buffer> tus(ApiClient client, HttpMethod method, String path) {
    return client.request(method, path).putHeader("Tus-Resumable", "1.0.0");
  }

  private static String metadata(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
        .collect(Collectors.joining(","));
  }

  private static void waitFor(BooleanSupplier done, String what) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    for (int i = 0; i < 1200 && System.nanoTime() < deadline; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      Contributions.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
