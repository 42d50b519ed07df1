package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeTest;

@Timeout(60)
class ChatSearchTest extends RealtimeTest {
  private static final int SCAN = 50;

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("chat", new JsonObject().put("searchScanEvents", SCAN)
        .put("rateLimit", new JsonObject().put("enabled", false)));
  }

  private static JsonObject search(ApiClient client, String room, String query, String more) {
    var response = client.get("/api/rooms/" + room + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + more);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static List<String> texts(JsonObject page) {
    List<String> texts = new ArrayList<>();
    page.getJsonArray("items").forEach(o -> texts.add(((JsonObject) o).getJsonObject("event").getString("text")));
    return texts;
  }

  @Test
  @DisplayName("Find in this chat ignores case, accents and Arabic vowel marks, matches Chinese and document numbers, and sees edits and deletions")
  void findsWhatWasSaid() {
    ChatFixture f = new ChatFixture(server, "restricted");
    ChatFixture.send(f.chair, f.room, "fr", "Le Réseau national de l'ECOWAS est prêt");
    ChatFixture.send(f.member, f.room, "doc", "Document SG1RGQ/42 is on the server");
    ChatFixture.send(f.member, f.room, "zh", "关于区域倡议的讨论");
    ChatFixture.send(f.member, f.room, "ar", "مشروع الاتِّصالات الريفية");
    long edited = ChatFixture.send(f.member, f.room, "edit-me", "A typo in the agenda");
    var edit = f.member.post("/api/realtime/edit", new JsonObject().put("room", f.room).put("clientId", "edit-1")
        .put("target", edited).put("text", "The corrected agenda for Question 4/1"));
    assertThat(edit.statusCode()).as(edit.bodyAsString()).isEqualTo(200);
    long deleted = ChatFixture.send(f.member, f.room, "gone", "Réseau: a message taken back");
    var delete = f.member.post("/api/realtime/delete", new JsonObject().put("room", f.room).put("clientId", "del-1")
        .put("target", deleted));
    assertThat(delete.statusCode()).as(delete.bodyAsString()).isEqualTo(200);

    assertThat(texts(search(f.member, f.room, "reseau", ""))).containsExactly("Le Réseau national de l'ECOWAS est prêt");
    assertThat(texts(search(f.member, f.room, "ecowas  RÉSEAU", ""))).hasSize(1);
    assertThat(texts(search(f.member, f.room, "ecowas budget", ""))).isEmpty();
    assertThat(texts(search(f.member, f.room, "rgq/42", ""))).containsExactly("Document SG1RGQ/42 is on the server");
    assertThat(texts(search(f.member, f.room, "区域倡议", ""))).containsExactly("关于区域倡议的讨论");
    assertThat(texts(search(f.member, f.room, "الاتصالات", ""))).containsExactly("مشروع الاتِّصالات الريفية");
    assertThat(texts(search(f.member, f.room, "typo", ""))).as("an edit replaces the text").isEmpty();
    assertThat(texts(search(f.member, f.room, "question 4/1", ""))).containsExactly("The corrected agenda for Question 4/1");
    JsonObject all = search(f.member, f.room, "the", "&limit=50");
    assertThat(texts(all)).containsExactly("The corrected agenda for Question 4/1", "Document SG1RGQ/42 is on the server");
    assertThat(all.getValue("next")).as("the whole room was read").isNull();
  }

  @Test
  @DisplayName("A search pages back with next, reads at most the configured number of events per request, and refuses bad input naming the field")
  void pagesBackWithinItsBudget() {
    ChatFixture f = new ChatFixture(server, "restricted");
    long first = ChatFixture.send(f.chair, f.room, "first", "Welcome to the meeting of SG1 Question 5/1");
    for (int i = 1; i <= 120; i++) {
      ChatFixture.send(f.member, f.room, "item-" + i, (i % 4 == 0 ? "Agenda item " : "Comment ") + i);
    }

    JsonObject page = search(f.member, f.room, "agenda item", "&limit=5");
    assertThat(texts(page)).containsExactly("Agenda item 120", "Agenda item 116", "Agenda item 112", "Agenda item 108", "Agenda item 104");
    JsonObject more = search(f.member, f.room, "agenda item", "&limit=5&before=" + page.getLong("next"));
    assertThat(texts(more)).containsExactly("Agenda item 100", "Agenda item 96", "Agenda item 92", "Agenda item 88", "Agenda item 84");

    // The welcome is 120 events back: each request reads 50 of them and says where to go on.
    JsonObject part = search(f.member, f.room, "welcome", "");
    assertThat(texts(part)).isEmpty();
    assertThat(part.getLong("next")).isEqualTo(first + 120 + 1 - SCAN);
    List<String> found = new ArrayList<>();
    Long next = part.getLong("next");
    for (int i = 0; i < 5 && next != null && found.isEmpty(); i++) {
      JsonObject further = search(f.member, f.room, "welcome", "&before=" + next);
      found.addAll(texts(further));
      next = further.getLong("next");
    }
    assertThat(found).containsExactly("Welcome to the meeting of SG1 Question 5/1");
    assertThat(next).isNull();

    String path = "/api/rooms/" + f.room + "/search";
    Problems.assertFieldProblem(f.member.get(path), 400, "q");
    Problems.assertFieldProblem(f.member.get(path + "?q=a"), 400, "q");
    Problems.assertFieldProblem(f.member.get(path + "?q=" + "x".repeat(201)), 400, "q");
    Problems.assertFieldProblem(f.member.get(path + "?q=agenda&before=-1"), 400, "before");
    Problems.assertFieldProblem(f.member.get(path + "?q=agenda&limit=0"), 400, "limit");
    Problems.assertFieldProblem(f.member.get("/api/rooms/group:nothex/search?q=agenda"), 400, "room");
    assertThat(f.outsider.get(path + "?q=agenda").statusCode()).isEqualTo(404);
    assertThat(server.client().get(path + "?q=agenda").statusCode()).isEqualTo(404);
  }
}
