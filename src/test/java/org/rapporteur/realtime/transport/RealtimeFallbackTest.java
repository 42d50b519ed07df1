package org.rapporteur.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.ServerTest;

@Timeout(60)
class RealtimeFallbackTest extends ServerTest {
  HttpClient http;

  @BeforeEach
  void start(Vertx vertx) {
    http = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    http.close().await();
  }

  /** One SSE stream: its data frames (with their id) as they arrive. */
  private final class Stream {
    final HttpClientResponse response;
    final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final StringBuilder pending = new StringBuilder();

    Stream(ApiClient as, String query, String lastEventId) {
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(server.port()).setURI("/api/realtime/sse?" + query);
      if (as != null) {
        options.addHeader("Cookie", "rapporteur_session=" + as.cookie("rapporteur_session"));
      }
      if (lastEventId != null) {
        options.addHeader("Last-Event-ID", lastEventId);
      }
      response = http.request(options).compose(r -> r.send()).map(r -> {
        r.handler(buffer -> parse(buffer.toString()));
        return r;
      }).await();
    }

    private synchronized void parse(String chunk) {
      pending.append(chunk);
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        String block = pending.substring(0, end);
        pending.delete(0, end + 2);
        Long id = null;
        String data = null;
        for (String line : block.split("\n")) {
          if (line.startsWith("id: ")) {
            id = Long.parseLong(line.substring(4));
          } else if (line.startsWith("data: ")) {
            data = line.substring(6);
          }
        }
        if (data != null) {
          JsonObject frame = new JsonObject(data);
          frames.add(id == null ? frame : frame.put("sseId", id));
        }
      }
    }

    JsonObject next() {
      try {
        JsonObject frame = frames.poll(RealtimeClient.WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(frame).as("an SSE frame within the wait").isNotNull();
        return frame;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    List<JsonObject> next(int count) {
      List<JsonObject> list = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        list.add(next());
      }
      return list;
    }

    void close() {
      response.request().connection().close();
    }
  }

  private static JsonObject send(ApiClient as, String room, String clientId, String text) {
    var response = as.post("/api/realtime/send", new JsonObject().put("room", room).put("clientId", clientId)
        .put("text", text));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("SSE plus POST give the same sequence semantics, and Last-Event-ID resumes")
  void sseAndPostFallback() {
    ChatFixture f = new ChatFixture(server, "restricted");
    Stream stream = new Stream(f.member, "room=" + f.room, null);
    assertThat(stream.response.statusCode()).isEqualTo(200);
    assertThat(stream.response.getHeader("Content-Type")).startsWith("text/event-stream");
    assertThat(stream.next().getString("type")).isEqualTo("subscribed");

    JsonObject ack = send(f.member, f.room, "s-1", "over SSE");
    assertThat(ack.getString("type")).isEqualTo("ack");
    assertThat(send(f.member, f.room, "s-1", "over SSE").getLong("seq")).isEqualTo(ack.getLong("seq"));
    send(f.chair, f.room, "s-2", "second");
    List<JsonObject> live = stream.next(2);
    assertThat(live.stream().map(e -> e.getLong("sseId")).toList()).containsExactly(1L, 2L);
    assertThat(live.get(0).getJsonObject("event").getString("text")).isEqualTo("over SSE");
    stream.close();

    send(f.chair, f.room, "s-3", "while away");
    Stream resumed = new Stream(f.member, "room=" + f.room + "&since=0", "2");
    assertThat(resumed.next().getLong("head")).isEqualTo(3L);
    JsonObject missed = resumed.next();
    assertThat(missed.getLong("seq")).isEqualTo(3L);
    assertThat(missed.getJsonObject("event").getString("text")).isEqualTo("while away");
    resumed.close();
  }

  @Test
  @DisplayName("The fallback refuses strangers: 404 for a restricted room, signed in or not; 403 without CSRF")
  void fallbackAuthorization() {
    ChatFixture f = new ChatFixture(server, "restricted");
    assertThat(new Stream(null, "room=" + f.room, null).response.statusCode()).isEqualTo(404);
    assertThat(new Stream(f.outsider, "room=" + f.room, null).response.statusCode()).isEqualTo(404);
    assertThat(f.outsider.post("/api/realtime/send", new JsonObject().put("room", f.room).put("clientId", "x-1")
        .put("text", "hello")).statusCode()).isEqualTo(404);
    assertThat(f.member.withoutCsrfHeader().post("/api/realtime/send", new JsonObject().put("room", f.room)
        .put("clientId", "x-2").put("text", "hello")).statusCode()).isEqualTo(403);
  }
}
