package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpeakerQueueTest extends MeetingServerTest {
  String queue;

  @BeforeEach
  void start() {
    queue = fx.meetingPath() + "/queue";
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
  @Test
  @DisplayName("A request for the floor sent several times at once (double click, retry on a slow link) queues the person once")
  void aRequestSentTwiceAtOnceQueuesOnce() {
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(fx.member.request(HttpMethod.POST, queue).sendJsonObject(new JsonObject().put("mode", "remote")));
    }
    Future.join(sent).await();
    assertThat(sent.stream().map(f -> f.result().statusCode()).sorted().toList()).containsExactly(200, 409, 409, 409, 409);
    assertThat(names(fx.member.get(queue).bodyAsJsonObject())).containsExactly("Nguyễn Thị Lan:waiting");

    // Withdrawn, the person may ask again.
    String id = idOf(fx.member.get(queue).bodyAsJsonObject(), "Nguyễn Thị Lan");
    assertThat(fx.member.delete(queue + "/" + id).statusCode()).isEqualTo(200);
    assertThat(fx.member.post(queue, new JsonObject().put("mode", "remote")).statusCode()).isEqualTo(200);
    assertThat(names(fx.member.get(queue).bodyAsJsonObject())).containsExactly("Nguyễn Thị Lan:waiting");
  }

  @Test
  @DisplayName("Changes made at once each answer a versioned queue; the highest version holds every change, and a page's read carries the room head it follows from")
  void concurrentChangesConvergeOnTheHighestVersion() {
    long headBefore = fx.chair.get(queue).bodyAsJsonObject().getLong("roomHead");
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(fx.chair.request(HttpMethod.POST, queue)
          .sendJsonObject(new JsonObject().put("mode", "on-site").put("name", "Delegate " + i)));
    }
    Future.all(sent).await();
    List<JsonObject> answers = sent.stream().map(f -> f.result().bodyAsJsonObject()).toList();
    assertThat(answers.stream().map(a -> a.getLong("version")).distinct().count()).isEqualTo(10);
    JsonObject newest = answers.stream().max(Comparator.comparing(a -> a.getLong("version"))).orElseThrow();
    assertThat(newest.getJsonArray("items")).hasSize(10);

    JsonObject read = fx.chair.get(queue).bodyAsJsonObject();
    assertThat(read.getLong("version")).isEqualTo(newest.getLong("version"));
    assertThat(read.getLong("roomHead")).as("each change published one event").isEqualTo(headBefore + 10);
    assertThat(fx.chair.get(fx.meetingPath() + "/agenda").bodyAsJsonObject().getLong("roomHead"))
        .isEqualTo(headBefore + 10);
  }
}
