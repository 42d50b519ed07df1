package org.rapporteur.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapporteur.support.ChatFixture;
import org.rapporteur.support.RealtimeClient;
import org.rapporteur.support.RealtimeTest;

/**
 * What a browser on a slow link receives on the wire when it resumes: the replay as {@code events}
 * frames, compressed when it negotiated permessage-deflate (RFC 7692). Read with a plain socket, so
 * that the frames' bits and sizes are the ones the server wrote.
 */
@Timeout(90)
class RealtimeCompressionTest extends RealtimeTest {
  private static final int MESSAGES = 60;

  /** A long discussion is posted quickly, as the chair's whole morning would be. */
  @Override
  protected JsonObject settings() {
    return new JsonObject().put("chat", new JsonObject().put("rateLimit", new JsonObject().put("enabled", false)));
  }

  @Test
  @DisplayName("A resuming client that negotiated permessage-deflate gets the replay compressed, complete and in order")
  void replayIsCompressedForADeflateClient() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    List<String> texts = postMessages(f);

    try (RawClient raw = resumeFromStart(f, true)) {
      assertThat(raw.handshake).containsIgnoringCase("sec-websocket-extensions: permessage-deflate");
      List<JsonObject> events = raw.events(MESSAGES);

      assertThat(events.stream().map(e -> e.getLong("seq")).toList())
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, MESSAGES).boxed().toList());
      assertThat(events.stream().map(e -> e.getJsonObject("event").getString("text")).toList()).isEqualTo(texts);
      assertThat(raw.compressedFrames).isPositive();
      assertThat(raw.eventsFrames).isBetween(1, MESSAGES / 10);
      // JSON chat compresses several-fold; the bound leaves room for other texts and compressors.
      assertThat(raw.wireBytes * 2).isLessThan(raw.textBytes);
    }
  }

  @Test
  @DisplayName("A client without the extension gets the same replay uncompressed")
  void replayIsPlainWithoutTheExtension() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    List<String> texts = postMessages(f);

    try (RawClient raw = resumeFromStart(f, false)) {
      assertThat(raw.handshake).doesNotContainIgnoringCase("permessage-deflate");
      List<JsonObject> events = raw.events(MESSAGES);

      assertThat(events.stream().map(e -> e.getJsonObject("event").getString("text")).toList()).isEqualTo(texts);
      assertThat(raw.compressedFrames).isZero();
      assertThat(raw.wireBytes).isGreaterThanOrEqualTo(raw.textBytes);
    }
  }

  @Test
  @DisplayName("Live chat events reach a deflate client compressed against the event before, each within 120 bytes on the wire")
  void liveChatEventsAreCompressedAgainstTheOneBefore() throws Exception {
    ChatFixture f = new ChatFixture(server, "restricted");
    List<String> lines = List.of(
        "Thank you, Chair. Senegal supports the proposal in document 42 with the amendment just read.",
        "Could the secretariat put the revised text on the screen?",
        "Brazil asks for the floor on item 4.2.",
        "We agree; please note our comment on the cost model in the report.",
        "The link is unstable here, I will follow in the chat.",
        "Next speaker: Egypt, then Viet Nam.");
    try (RawClient raw = RawClient.open(server.port(), server.origin(), f.member.cookie("rapporteur_session"), true)) {
      raw.send(new JsonObject().put("type", "subscribe").put("room", f.room).put("since", (Object) null).put("batch", true));
      assertThat(raw.nextMessage().getString("type")).isEqualTo("subscribed");
      RealtimeClient writer = connect(f.chair);
      List<String> texts = new ArrayList<>();
      List<Long> sizes = new ArrayList<>();
      for (int i = 0; i < 3 * lines.size(); i++) {
        String text = lines.get(i % lines.size());
        assertThat(writer.sendMessage(f.room, "live-" + i, text).getString("type")).isEqualTo("ack");
        long before = raw.wireBytes;
        texts.add(raw.events(1).get(0).getJsonObject("event").getString("text"));
        sizes.add(raw.wireBytes - before);
      }
      assertThat(texts).as("every event decodes, in order, through one decompression context")
          .isEqualTo(java.util.stream.IntStream.range(0, 3 * lines.size()).mapToObj(i -> lines.get(i % lines.size())).toList());
      assertThat(raw.compressedFrames).isEqualTo(texts.size());
      // The first stands alone; each later one refers to its predecessor for the keys, the room and the author.
      assertThat(sizes.subList(1, sizes.size())).as("wire bytes of each event after the first: %s", sizes)
          .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(120));
    }
  }

  /** The member, over a plain socket, subscribes from the room's first message, as after a long absence. */
  private RawClient resumeFromStart(ChatFixture f, boolean deflate) throws IOException {
    RawClient raw = RawClient.open(server.port(), server.origin(), f.member.cookie("rapporteur_session"), deflate);
    raw.send(new JsonObject().put("type", "subscribe").put("room", f.room).put("since", 0).put("batch", true));
    return raw;
  }

  private List<String> postMessages(ChatFixture f) {
    RealtimeClient writer = connect(f.chair);
    List<String> texts = new ArrayList<>();
    for (int i = 1; i <= MESSAGES; i++) {
      String text = "Message " + i + " on the draft liaison statement to ITU-T SG13 about Question 5/1, paragraph " + i;
      assertThat(writer.sendMessage(f.room, "c-" + i, text).getString("type")).isEqualTo("ack");
      texts.add(text);
    }
    return texts;
  }

  /** A WebSocket client over a plain socket that counts what arrives on the wire. */
  private static final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Inflater inflater = new Inflater(true);
    final String handshake;
    int compressedFrames;
    int eventsFrames;
    long wireBytes;
    long textBytes;

    private RawClient(Socket socket, String handshake) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
      this.handshake = handshake;
    }

    static RawClient open(int port, String origin, String cookie, boolean deflate) throws IOException {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      String request = "GET /api/realtime HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Origin: " + origin + "\r\nCookie: rapporteur_session=" + cookie + "\r\n"
          + (deflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" : "") + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      var input = socket.getInputStream();
      while (response.size() < 8192 && !response.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = input.read();
        if (b < 0) {
          break;
        }
        response.write(b);
      }
      String head = response.toString(StandardCharsets.US_ASCII);
      assertThat(head).startsWith("HTTP/1.1 101");
      return new RawClient(socket, head);
    }

    /** A masked text frame, as a client must send it. */
    void send(JsonObject frame) throws IOException {
      byte[] payload = frame.encode().getBytes(StandardCharsets.UTF_8);
      byte[] mask = {1, 2, 3, 4};
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write(0x81);
      bytes.write(0x80 | payload.length);
      bytes.write(mask);
      for (int i = 0; i < payload.length; i++) {
        bytes.write(payload[i] ^ mask[i % 4]);
      }
      out.write(bytes.toByteArray());
      out.flush();
    }

    /** Reads frames until {@code count} events have arrived, from {@code event} and {@code events} frames. */
    List<JsonObject> events(int count) throws IOException, DataFormatException {
      List<JsonObject> events = new ArrayList<>();
      for (int frames = 0; frames < 1_000 && events.size() < count; frames++) {
        JsonObject frame = nextMessage();
        switch (frame.getString("type")) {
          case "event" -> events.add(frame);
          case "events" -> {
            eventsFrames++;
            JsonArray batch = frame.getJsonArray("events");
            batch.forEach(e -> events.add((JsonObject) e));
          }
          default -> { }
        }
      }
      return events;
    }

    /** One whole text message; the server sends none over one fragment when it compresses. */
    JsonObject nextMessage() throws IOException, DataFormatException {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      int header = 2;
      if (length == 126) {
        length = in.readUnsignedShort();
        header += 2;
      } else if (length == 127) {
        length = in.readLong();
        header += 8;
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      assertThat(first & 0x80).as("FIN").isNotZero();
      wireBytes += header + length;
      byte[] text = payload;
      if ((first & 0x40) != 0) {
        compressedFrames++;
        text = inflate(payload);
      }
      textBytes += text.length;
      return new JsonObject(new String(text, StandardCharsets.UTF_8));
    }

    private byte[] inflate(byte[] payload) throws DataFormatException {
      byte[] withTail = java.util.Arrays.copyOf(payload, payload.length + 4);
      withTail[payload.length + 2] = (byte) 0xff;
      withTail[payload.length + 3] = (byte) 0xff;
      inflater.setInput(withTail);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      byte[] buffer = new byte[65_536];
      for (int n = inflater.inflate(buffer); n > 0; n = inflater.inflate(buffer)) {
        text.write(buffer, 0, n);
      }
      return text.toByteArray();
    }

    @Override
    public void close() throws IOException {
      inflater.end();
      socket.close();
    }
  }
}
