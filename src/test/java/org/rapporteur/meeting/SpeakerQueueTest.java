package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class SpeakerQueueTest {
  @TempDir
  Path dataDir;
  TestServer server;
  MeetingFixture fx;
  String queue;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, dataDir);
    fx = new MeetingFixture(server);
    queue = fx.meetingPath() + "/queue";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static List<String> names(JsonObject queue) {
    return queue.getJsonArray("items").stream()
        .map(e -> ((JsonObject) e).getString("name") + ":" + ((JsonObject) e).getString("state")).toList();
  }

  static String idOf(JsonObject queue, String name) {
    return queue.getJsonArray("items").stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
  }

  @Test
  void remoteAndOnSiteSpeakersShareOneQueueTheChairRuns() {
    var asked = fx.member.post(queue, new JsonObject().put("mode", "remote"));
    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
    assertProblem(fx.member.post(queue, new JsonObject().put("mode", "remote")), 409);
    assertProblem(fx.member.post(queue, new JsonObject().put("mode", "on-site").put("name", "Someone")), 403);

    JsonObject withGuest = fx.chair.post(queue, new JsonObject().put("mode", "on-site").put("name", "Delegate of Peru")
        .put("country", "Peru")).bodyAsJsonObject();
    assertThat(names(withGuest)).containsExactly("Nguyễn Thị Lan:waiting", "Delegate of Peru:waiting");
    assertThat(withGuest.getJsonArray("items").getJsonObject(1).getString("userId")).isNull();

    String guest = idOf(withGuest, "Delegate of Peru");
    String member = idOf(withGuest, "Nguyễn Thị Lan");
    JsonObject reordered = fx.chair.put(queue + "/order", new JsonObject()
        .put("entryIds", new JsonArray().add(guest).add(member))).bodyAsJsonObject();
    assertThat(names(reordered)).containsExactly("Delegate of Peru:waiting", "Nguyễn Thị Lan:waiting");
    assertFieldProblem(fx.chair.put(queue + "/order", new JsonObject().put("entryIds", new JsonArray().add(guest))),
        422, "entryIds");
    assertProblem(fx.member.post(queue + "/" + guest + "/grant", new JsonObject()), 403);

    JsonObject granted = fx.chair.post(queue + "/" + guest + "/grant", new JsonObject()).bodyAsJsonObject();
    assertThat(names(granted)).containsExactly("Delegate of Peru:speaking", "Nguyễn Thị Lan:waiting");
    JsonObject next = fx.chair.post(queue + "/" + member + "/grant", new JsonObject()).bodyAsJsonObject();
    assertThat(names(next)).containsExactly("Nguyễn Thị Lan:speaking");

    JsonObject withdrawn = fx.member.delete(queue + "/" + member).bodyAsJsonObject();
    assertThat(names(withdrawn)).isEmpty();
    assertProblem(fx.member.delete(queue + "/" + member), 404);
  }

  @Test
  void aNewRequestQueuesBehindAReorderedQueue() {
    String guest = idOf(fx.chair.post(queue, new JsonObject().put("mode", "on-site").put("name", "A")).bodyAsJsonObject(), "A");
    String other = idOf(fx.chair.post(queue, new JsonObject().put("mode", "on-site").put("name", "B")).bodyAsJsonObject(), "B");
    fx.chair.put(queue + "/order", new JsonObject().put("entryIds", new JsonArray().add(other).add(guest)));
    JsonObject after = fx.member.post(queue, new JsonObject().put("mode", "remote")).bodyAsJsonObject();
    assertThat(names(after)).containsExactly("B:waiting", "A:waiting", "Nguyễn Thị Lan:waiting");
  }

  @Test
  void othersCannotWithdrawSomeoneElsesRequest(Vertx vertx) {
    String id = idOf(fx.member.post(queue, new JsonObject().put("mode", "remote")).bodyAsJsonObject(), "Nguyễn Thị Lan");
    var stranger = server.client();
    stranger.registerAndSignIn("stranger@example.org", "Stranger");
    assertProblem(stranger.delete(queue + "/" + id), 403);
    assertThat(names(fx.member.get(queue).bodyAsJsonObject())).containsExactly("Nguyễn Thị Lan:waiting");
  }
}
