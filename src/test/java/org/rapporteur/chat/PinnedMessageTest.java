package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class PinnedMessageTest extends RealtimeTest {

  private static JsonObject pinned(ApiClient client, String room) {
    var response = client.get("/api/rooms/" + room + "/events?limit=1");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonObject("pinned");
  }

  @Test
  @DisplayName("A chair pins a message: subscribers get a pin event, a reader opening the room later finds it, edited, until it is unpinned or deleted")
  void pinFollowsTheRoom() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient watcher = connect(f.member);
    watcher.subscribe(f.room, null);
    long agenda = ChatFixture.send(f.chair, f.room, "agenda", "Now on item 4.2: documents SG1RGQ/42 and SG1RGQ/45");
    for (int i = 0; i < 5; i++) {
      ChatFixture.send(f.member, f.room, "talk-" + i, "Comment " + i);
    }
    String path = "/api/rooms/" + f.room + "/pin";
    var pinned = f.chair.put(path, new JsonObject().put("target", agenda));
    assertThat(pinned.statusCode()).as(pinned.bodyAsString()).isEqualTo(200);
    assertThat(pinned.bodyAsJsonObject().getLong("pinned")).isEqualTo(agenda);
    JsonObject event = watcher.next(frame -> "event".equals(frame.getString("type"))
        && "pin".equals(frame.getJsonObject("event").getString("kind"))).getJsonObject("event");
    assertThat(event.getLong("target")).isEqualTo(agenda);
    assertThat(event.getString("text")).isEqualTo("Now on item 4.2: documents SG1RGQ/42 and SG1RGQ/45");
    assertThat(event.getJsonObject("about").getJsonObject("author").getString("id")).isEqualTo(f.chairId);
    long headAfterPin = f.chair.get("/api/rooms/" + f.room + "/events?limit=1").bodyAsJsonObject().getLong("head");
    assertThat(f.chair.put(path, new JsonObject().put("target", agenda)).statusCode()).as("again").isEqualTo(200);
    assertThat(f.chair.get("/api/rooms/" + f.room + "/events?limit=1").bodyAsJsonObject().getLong("head"))
        .as("pinning the pinned message adds no event").isEqualTo(headAfterPin);

    // A reader whose last page holds no trace of the pin still finds it, as edited since.
    var edit = f.chair.post("/api/realtime/edit", new JsonObject().put("room", f.room).put("clientId", "agenda-fix")
        .put("target", agenda).put("text", "Now on item 4.3: document SG1RGQ/47"));
    assertThat(edit.statusCode()).as(edit.bodyAsString()).isEqualTo(200);
    JsonObject found = pinned(server.client(), f.room);
    assertThat(found.getLong("seq")).isEqualTo(agenda);
    assertThat(found.getJsonObject("event").getString("text")).isEqualTo("Now on item 4.3: document SG1RGQ/47");

    // Another message replaces it; unpinning takes it down; unpinning again changes nothing.
    long other = ChatFixture.send(f.member, f.room, "other", "The ECOWAS contribution is ready");
    assertThat(f.chair.put(path, new JsonObject().put("target", other)).statusCode()).isEqualTo(200);
    assertThat(pinned(f.member, f.room).getLong("seq")).isEqualTo(other);
    assertThat(f.chair.delete(path).statusCode()).isEqualTo(204);
    assertThat(pinned(f.member, f.room)).isNull();
    assertThat(f.chair.delete(path).statusCode()).isEqualTo(204);
    JsonObject unpin = watcher.next(frame -> "event".equals(frame.getString("type"))
        && "unpin".equals(frame.getJsonObject("event").getString("kind"))).getJsonObject("event");
    assertThat(unpin.getLong("target")).isEqualTo(other);

    // A deleted message is no longer shown as pinned.
    assertThat(f.chair.put(path, new JsonObject().put("target", agenda)).statusCode()).isEqualTo(200);
    var delete = f.chair.post("/api/realtime/delete", new JsonObject().put("room", f.room).put("clientId", "del-agenda")
        .put("target", agenda));
    assertThat(delete.statusCode()).as(delete.bodyAsString()).isEqualTo(200);
    assertThat(pinned(f.member, f.room)).isNull();
    assertThat(f.admin.get("/api/audit?subjectId=" + f.room).bodyAsJsonObject().encode()).contains("chat.pin", "chat.unpin");
  }

  @Test
  @DisplayName("Only moderators pin; a bad target is refused naming target, and the pin stays as it was")
  void onlyModeratorsPinWhatExists() {
    ChatFixture f = new ChatFixture(server, "public");
    long message = ChatFixture.send(f.member, f.room, "m-1", "A message to pin");
    String path = "/api/rooms/" + f.room + "/pin";
    assertThat(f.chair.put(path, new JsonObject().put("target", message)).statusCode()).isEqualTo(200);

    assertThat(f.member.put(path, new JsonObject().put("target", message)).statusCode()).isEqualTo(403);
    assertThat(f.member.delete(path).statusCode()).isEqualTo(403);
    assertThat(server.client().put(path, new JsonObject().put("target", message)).statusCode()).isEqualTo(401);
    Problems.assertFieldProblem(f.chair.put(path, new JsonObject()), 400, "target");
    Problems.assertFieldProblem(f.chair.put(path, new JsonObject().put("target", "1")), 400, "target");
    Problems.assertFieldProblem(f.chair.put(path, new JsonObject().put("target", 0)), 400, "target");
    Problems.assertFieldProblem(f.chair.put("/api/rooms/group:nothex/pin", new JsonObject().put("target", 1)), 400, "room");
    assertThat(f.chair.put(path, new JsonObject().put("target", message + 50)).statusCode()).isEqualTo(404);

    assertThat(pinned(f.member, f.room).getLong("seq")).isEqualTo(message);
  }
}
