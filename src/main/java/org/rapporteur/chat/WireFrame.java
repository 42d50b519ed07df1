package org.rapporteur.chat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One server frame of the realtime protocol: its JSON text (what an SSE stream sends) and, made once
 * and shared by every connection it goes to, its bytes on a WebSocket. A room's event is encoded
 * once however many thousand subscribers it reaches.
 */
final class WireFrame {
  /** Larger texts go out as continuation frames, so no client meets a frame over 64 KiB. */
  private static final int MAX_FRAGMENT = 60_000;
  private static final int FIN = 0x80;
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;

  private final String json;
  private volatile byte[] wire;

  WireFrame(String json) {
    this.json = json;
  }

  String json() {
    return json;
  }

  /** The complete, unmasked WebSocket text message (RFC 6455 §5.2), as a server sends it. */
  byte[] wire() {
    byte[] bytes = wire;
    if (bytes == null) {
      bytes = encode(json.getBytes(StandardCharsets.UTF_8));
      wire = bytes;
    }
    return bytes;
  }

  /** Bytes of the text, to bound a batch by what it puts on the network. */
  int size() {
    return wire().length;
  }

  private static byte[] encode(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 10);
    int offset = 0;
    do {
      int length = Math.min(MAX_FRAGMENT, payload.length - offset);
      boolean last = offset + length == payload.length;
      out.write((last ? FIN : 0) | (offset == 0 ? TEXT : CONTINUATION));
      if (length < 126) {
        out.write(length);
      } else {
        out.write(126);
        out.write(length >>> 8);
        out.write(length & 0xFF);
      }
      out.write(payload, offset, length);
      offset += length;
    } while (offset < payload.length);
    return out.toByteArray();
  }
}
