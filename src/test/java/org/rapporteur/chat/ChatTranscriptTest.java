package org.rapporteur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.Problems;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

@Timeout(90)
class ChatTranscriptTest extends RealtimeTest {

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false)));
  }

  private static void post(ApiClient client, String path, JsonObject body) {
    HttpResponse<Buffer> response = client.post(path, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  private static JsonObject message(String room, String clientId, String text) {
    return new JsonObject().put("room", room).put("clientId", clientId).put("text", text);
  }

  /** The data lines, after the byte order mark and the header. */
  private static List<String> rows(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    assertThat(body).startsWith("\uFEFF" + ChatTranscript.HEADER + "\r\n").endsWith("\r\n");
    List<String> lines = Arrays.asList(body.split("\r\n"));
    return lines.subList(1, lines.size());
  }

  @Test
  @DisplayName("The transcript holds every message in order as edits and deletions left it, quoted, formulas defused")
  void transcriptForTheRecord() {
    ChatFixture f = new ChatFixture(server, "restricted");
    post(f.member, "/api/realtime/send", message(f.room, "t-1", "Plain text, with \"quotes\" and a comma"));
    post(f.chair, "/api/realtime/send", message(f.room, "t-2", "=HYPERLINK(\"http://evil.example\")"));
    post(f.member, "/api/realtime/send", message(f.room, "t-3", "سطر أول\nسطر ثان").put("replyTo", 2));
    post(f.member, "/api/realtime/send", message(f.room, "t-4", "to be deleted"));
    post(f.member, "/api/realtime/edit", new JsonObject().put("room", f.room).put("clientId", "t-5").put("target", 1)
        .put("text", "Edited, with \"quotes\""));
    post(f.chair, "/api/realtime/delete", new JsonObject().put("room", f.room).put("clientId", "t-6").put("target", 4));

    HttpResponse<Buffer> response = f.member.get("/api/rooms/" + f.room + "/transcript.csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".csv");
    List<String> rows = rows(response);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).startsWith("1,\"20").contains(",\"Aïcha Member ")
        .contains(",\"Edited, with \"\"quotes\"\"\",,\"20").endsWith(",no");
    assertThat(rows.get(1)).startsWith("2,").contains(",\"Chair ").contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",")
        .endsWith(",\"\",no");
    assertThat(rows.get(2)).startsWith("3,").contains(",\"سطر أول\nسطر ثان\",2,\"\",no");
    assertThat(rows.get(3)).startsWith("4,").contains(",\"\",,\"\",yes").doesNotContain("to be deleted");

    Problems.assertProblem(f.outsider.get("/api/rooms/" + f.room + "/transcript.csv"), 404);
    // Without an account a restricted group does not exist, as everywhere else.
    Problems.assertProblem(server.client().get("/api/rooms/" + f.room + "/transcript.csv"), 404);
  }

  @Test
  @DisplayName("A long chat comes out whole, in order, across the transcript's pages")
  void longChatAcrossPages() {
    ChatFixture f = new ChatFixture(server, "public");
    RealtimeClient member = connect(f.member);
    int count = ChatTranscript.PAGE * 2 + 17;
    for (int i = 1; i <= count; i++) {
      assertThat(member.sendMessage(f.room, "long-" + i, "Line " + i).getString("type")).isEqualTo("ack");
    }
    List<String> rows = rows(f.member.get("/api/rooms/" + f.room + "/transcript.csv"));
    assertThat(rows).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(rows.get(i)).startsWith((i + 1) + ",").contains(",\"Line " + (i + 1) + "\",");
    }
  }
}
