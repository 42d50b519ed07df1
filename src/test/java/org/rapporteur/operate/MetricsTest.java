package org.rapporteur.operate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.Eventually;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.TestServer;

@Timeout(120)
class MetricsTest {
  @TempDir
  Path dataDir;
  private Vertx vertx;
  private TestServer server;

  private TestServer start(JsonObject settings) {
    vertx = Observability.vertx(new VertxOptions());
    server = TestServer.start(vertx, dataDir, settings);
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    vertx.close().await();
  }

  private static JsonObject allowFrom(String... ranges) {
    return new JsonObject().put("metrics", new JsonObject().put("allowFrom", new JsonArray(java.util.List.of((Object[]) ranges))));
  }

  @Test
  @DisplayName("The application's meters are there at zero before their first event, with JVM and Vert.x meters")
  void metersRegisteredAtStart() {
    start(new JsonObject());
    HttpResponse<Buffer> response = server.admin().get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
    String text = response.bodyAsString();
    assertThat(text)
        .contains("rapporteur_chat_messages_stored_total 0.0")
        .contains("rapporteur_chat_messages_delivered_total 0.0")
        .contains("rapporteur_chat_delivery_seconds_count 0")
        .contains("rapporteur_realtime_connections{transport=\"websocket\"} 0.0")
        .contains("rapporteur_realtime_connections{transport=\"sse\"} 0.0")
        .contains("rapporteur_chat_replays_running 0.0")
        .contains("rapporteur_extraction_queue_length 0.0")
        .contains("rapporteur_extractions_total{outcome=\"failed\",reason=\"timeout\"} 0.0")
        .contains("rapporteur_extractions_total{outcome=\"done\",reason=\"none\"} 0.0")
        .contains("rapporteur_index_lag{index=\"search\"}")
        .contains("rapporteur_index_lag{index=\"radar\"}")
        .contains("rapporteur_index_feed_cursor{index=\"projects\"}")
        .contains("rapporteur_index_rebuilds_total{index=\"search\"} 1.0")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_gc_")
        .contains("jvm_memory_max_bytes")
        .contains("jvm_threads_live_threads")
        .contains("rapporteur_chat_replays_waiting")
        .contains("rapporteur_realtime_queued_bytes")
        .contains("vertx_eventbus_handlers")
        .contains("vertx_http_server_active_connections");
  }

  @Test
  @DisplayName("The MongoDB driver's connection pool is measured: size and connections checked out")
  void mongoPoolMeasured() {
    start(new JsonObject());
    String text = server.admin().get("/metrics").bodyAsString();
    assertThat(text).containsPattern("mongodb_driver_pool_size\\{[^}]*server_address=\"[^\"]+\"[^}]*\\} [1-9]")
        .contains("mongodb_driver_pool_checkedout{")
        .contains("mongodb_driver_pool_waitqueuesize{");
  }

  @Test
  @DisplayName("HTTP requests are counted by route template and status, with latency buckets, never by raw path")
  void httpByRouteTemplate() {
    start(new JsonObject());
    ApiClient admin = server.admin();
    for (String id : new String[] {"000000000000000000000001", "000000000000000000000002"}) {
      assertThat(admin.get("/api/groups/" + id).statusCode()).isEqualTo(404);
    }
    String text = admin.get("/metrics").bodyAsString();
    assertThat(text).containsPattern("vertx_http_server_requests_total\\{[^}]*code=\"404\"[^}]*route=\"[^\"]*/api/groups/:id[^\"]*\"");
    assertThat(text).containsPattern("vertx_http_server_response_time_seconds_bucket\\{[^}]*route=\"[^\"]*/api/groups/:id");
    assertThat(text).doesNotContain("000000000000000000000001");
  }

  @Test
  @DisplayName("A chat message is counted stored and delivered, with its delivery time, and the open WebSocket shows")
  void chatCountedStoredAndDelivered() {
    start(new JsonObject().put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false))));
    ChatFixture f = new ChatFixture(server, "public");
    try (RealtimeClient ws = RealtimeClient.connect(vertx, server.port(), server.origin(), f.member)) {
      ws.subscribe(f.room, null);
      ChatFixture.send(f.chair, f.room, "metrics-1", "hello");
      ws.next(frame -> "event".equals(frame.getString("type")) || "events".equals(frame.getString("type")));
      String text = Eventually.until(() -> f.admin.get("/metrics").bodyAsString(),
          t -> t.contains("rapporteur_chat_messages_delivered_total 1.0"), "the delivery counted");
      assertThat(text).contains("rapporteur_chat_messages_stored_total 1.0")
          .contains("rapporteur_chat_delivery_seconds_count 1")
          .contains("rapporteur_realtime_connections{transport=\"websocket\"} 1.0")
          .contains("vertx_http_server_active_ws_connections");
    }
  }

  @Test
  @DisplayName("Outside the allowed addresses only admins read the metrics: anonymous 401, member 403")
  void onlyAdminsOutsideAllowedAddresses() {
    start(allowFrom("10.0.0.0/8"));
    ChatFixture f = new ChatFixture(server, "public");
    Problems.assertProblem(server.client().get("/metrics"), 401);
    Problems.assertProblem(f.member.get("/metrics"), 403);
    Problems.assertProblem(f.chair.get("/metrics"), 403);
    assertThat(f.admin.get("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("From an allowed address the metrics need no sign-in")
  void allowedAddressNeedsNoSignIn() {
    start(allowFrom("127.0.0.1/32"));
    HttpResponse<Buffer> response = server.client().get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).contains("rapporteur_chat_messages_stored_total");
  }

  @Test
  @DisplayName("Readiness reports each check, apart from liveness; anyone may ask")
  void readinessApartFromLiveness() {
    start(allowFrom().put("contributions", warmAtStart(true)));
    HttpResponse<Buffer> ready = awaitReady();
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
    assertThat(checks.fieldNames()).contains("database", "indexes", "extractors", "shutdown");
    assertThat(server.client().get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Readiness fails on extractors until a child JVM has started and answered, then passes")
  void readinessWaitsForAWarmExtractor() {
    start(allowFrom().put("contributions", warmAtStart(false)));
    HttpResponse<Buffer> cold = server.client().get("/health/ready");
    assertThat(cold.statusCode()).isEqualTo(503);
    assertThat(cold.bodyAsJsonObject().getJsonArray("failed").getList()).containsExactly("extractors");

    ApiClient admin = server.admin();
    String groupId = Contributions.group(admin, "SG1RG-WARM", "public");
    String id = Contributions.uploadOk(admin, groupId, "warm.txt", "Warm extractor".getBytes(StandardCharsets.UTF_8),
        "Warm").getString("id");
    Contributions.awaitExtraction(admin, id);
    assertThat(awaitReady().bodyAsJsonObject().getJsonObject("checks").getString("extractors")).isEqualTo("UP");
  }

  private static JsonObject warmAtStart(boolean warm) {
    return new JsonObject().put("extraction", new JsonObject().put("warmAtStart", warm));
  }

  /** A child JVM may take long to start on a loaded machine: a longer bound than Eventually's. */
  private HttpResponse<Buffer> awaitReady() {
    HttpResponse<Buffer> last = null;
    long deadline = System.nanoTime() + 90_000_000_000L;
    for (int i = 0; i < 400 && System.nanoTime() < deadline; i++) {
      last = server.client().get("/health/ready");
      if (last.statusCode() == 200) {
        return last;
      }
      Contributions.sleep(200);
    }
    throw new AssertionError("not ready: " + (last == null ? "no answer" : last.bodyAsString()));
  }
}
