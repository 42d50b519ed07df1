package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.TestServer;

/** The radar over HTTP: on a statement's page, on the radar page, for a new text, and rebuilt when its index is lost. */
class RadarApiTest extends LiaisonServerTest {
  @BeforeEach
  void start() {
    String sg2 = f.group("ITU-D-SG2", "ITU-D", null, "study-group", "Digital transformation");
    ok(f.admin.post("/api/groups/" + sg2 + "/questions", new JsonObject().put("number", "Q7/2")
        .put("title", "Human exposure to electromagnetic fields from mobile base stations")), 201);
    ok(f.admin.post("/api/groups/" + sg2 + "/questions", new JsonObject().put("number", "Q6/2")
        .put("title", "ICTs and the environment: e-waste collection and recycling")), 201);
  }

  static JsonObject find(JsonArray items, String ref) {
    return items.stream().map(o -> (JsonObject) o).filter(o -> ref.equals(o.getString("ref"))).findFirst()
        .orElseThrow(() -> new AssertionError(ref + " not in " + items.encodePrettily()));
  }

  @Test
  @DisplayName("A statement's page shows the other sector's Questions on the same subject, with scores and shared terms")
  void statementRadar(Vertx vertx) throws Exception {
    String id = f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(30)))
        .put("body", "Methods of determining the costs of international mobile roaming services.")).getString("id");
    JsonArray items = ok(f.outsider.get("/api/liaisons/" + id + "/radar"), 200).getJsonArray("items");
    assertThat(items).isNotEmpty();
    JsonObject first = items.getJsonObject(0);
    assertThat(first.getString("ref")).isEqualTo("Q4/1");
    assertThat(first.getString("kind")).isEqualTo("question");
    assertThat(first.getString("sector")).isEqualTo("ITU-D");
    assertThat(first.getDouble("score")).isBetween(0.1, 1.0);
    assertThat(first.getJsonArray("sharedTerms")).contains("costing", "determining");
    assertThat(items.stream().map(o -> ((JsonObject) o).getString("sector"))).doesNotContain("ITU-T");
    if (items.size() > 1) {
      assertThat(items.getJsonObject(1).getDouble("score")).isLessThan(first.getDouble("score"));
    }

    JsonArray check = ok(f.sg1Rapporteur.post("/api/radar/check", new JsonObject().put("sector", "ITU-T")
        .put("title", "Exposure of the public to EMF near base stations")), 200).getJsonArray("items");
    assertThat(check.getJsonObject(0).getString("ref")).isEqualTo("Q7/2");

    JsonArray overview = ok(f.outsider.get("/api/radar"), 200).getJsonArray("items");
    assertThat(overview).isNotEmpty();
    JsonObject top = overview.getJsonObject(0);
    assertThat(top.getJsonObject("a").getString("sector")).isNotEqualTo(top.getJsonObject("b").getString("sector"));
    assertThat(overview.stream().map(o -> (JsonObject) o).anyMatch(p ->
        "Q4/1".equals(p.getJsonObject("a").getString("ref")) || "Q4/1".equals(p.getJsonObject("b").getString("ref"))))
        .isTrue();

    String replyId = ok(f.sg1Rapporteur.post("/api/liaisons/" + id + "/reply", new JsonObject()), 201).getString("id");
    ok(f.sg1Rapporteur.patch("/api/liaisons/" + replyId, new JsonObject()
        .put("body", "Our methods of determining the costs of international mobile roaming services are attached.")), 200);
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/approve", new JsonObject()), 200);
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/send", new JsonObject()), 200);
    JsonArray afterReply = ok(f.outsider.get("/api/radar?minScore=0"), 200).getJsonArray("items");
    assertThat(afterReply.stream().map(o -> (JsonObject) o)
        .filter(p -> p.getJsonObject("a").getString("kind").equals("liaison")
            && p.getJsonObject("b").getString("kind").equals("liaison")))
        .as("a statement and its own reply are not a duplication").isEmpty();
    JsonArray beforeRestart = ok(f.outsider.get("/api/liaisons/" + id + "/radar"), 200).getJsonArray("items");
    assertThat(beforeRestart.stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(replyId);

    server.close();
    try (Stream<Path> files = Files.walk(dataDir.resolve("radar"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    server = TestServer.start(vertx, server.config());
    JsonArray rebuilt = server.client().get("/api/liaisons/" + id + "/radar").bodyAsJsonObject().getJsonArray("items");
    assertThat(find(rebuilt, "Q4/1").getDouble("score")).isEqualTo(find(beforeRestart, "Q4/1").getDouble("score"));
    JsonObject fromQuestion = server.client().post("/api/radar/check", new JsonObject().put("sector", "ITU-D")
        .put("title", "Cost models for international roaming")).bodyAsJsonObject();
    assertThat(find(fromQuestion.getJsonArray("items"), "LS/SG3RG-AFR/1").getString("kind")).isEqualTo("liaison");
  }
}
