package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class RoomHeadsTest extends RealtimeTest {

  private static Map<String, Long> heads(ApiClient client, String rooms) {
    var response = client.get("/api/rooms/heads?rooms=" + rooms);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonArray items = response.bodyAsJsonObject().getJsonArray("items");
    return items.stream().map(o -> (JsonObject) o)
        .collect(Collectors.toMap(o -> o.getString("room"), o -> o.getLong("head")));
  }

  @Test
  @DisplayName("Heads of the rooms a reader may read, the others left out; a malformed or too long list is a 400 naming rooms")
  void headsOfReadableRooms() {
    ChatFixture restricted = new ChatFixture(server, "restricted");
    ChatFixture open = new ChatFixture(server, "public");
    ChatFixture.send(restricted.member, restricted.room, "r-1", "Hello r-1");
    ChatFixture.send(restricted.chair, restricted.room, "r-2", "Hello r-2");
    ChatFixture.send(open.member, open.room, "p-1", "Hello p-1");
    String both = restricted.room + "," + open.room;

    assertThat(heads(restricted.member, both)).isEqualTo(Map.of(restricted.room, 2L, open.room, 1L));
    assertThat(heads(restricted.outsider, both)).isEqualTo(Map.of(open.room, 1L));

    var malformed = restricted.member.get("/api/rooms/heads?rooms=group:nothex");
    Problems.assertFieldProblem(malformed, 400, "rooms");
    assertThat(restricted.member.get("/api/rooms/heads").statusCode()).isEqualTo(400);
    String tooMany = IntStream.range(0, ChatRoutes.MAX_HEADS + 1)
        .mapToObj(i -> String.format("group:%024x", i)).collect(Collectors.joining(","));
    var refused = restricted.member.get("/api/rooms/heads?rooms=" + tooMany);
    Problems.assertFieldProblem(refused, 400, "rooms");
  }
}
