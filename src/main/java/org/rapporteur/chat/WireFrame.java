package org.rapporteur.chat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
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
  private final boolean offHeap;
  private volatile ByteBuf wire;

  private WireFrame(String json, boolean offHeap) {
    this.json = json;
    this.offHeap = offHeap;
  }

  /** A frame for one connection (an ack, an error, a replayed event): its bytes stay on the heap. */
  static WireFrame forOne(String json) {
    return new WireFrame(json, false);
  }

  /**
   * A frame for many connections (a room's live event): its bytes live once, off the heap, so that no
   * socket write copies them. Direct memory is freed only by the garbage collector, hence not for
   * frames written once.
   */
  static WireFrame forMany(String json) {
    return new WireFrame(json, true);
  }

  String json() {
    return json;
  }

  /**
   * The complete, unmasked WebSocket text message (RFC 6455 §5.2), as a server sends it, for one
   * write: each write gets its own view of the bytes, and releasing a view never frees them.
   */
  ByteBuf wire() {
    return shared().duplicate();
  }

  /** Bytes on the network, to bound a batch by what it puts there. */
  int size() {
    return shared().readableBytes();
  }

  private ByteBuf shared() {
    ByteBuf bytes = wire;
    if (bytes == null) {
      bytes = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(encode(json.getBytes(StandardCharsets.UTF_8))));
      wire = bytes;
    }
    return bytes;
  }

  private ByteBuffer encode(byte[] payload) {
    int fragments = Math.max(1, (payload.length + MAX_FRAGMENT - 1) / MAX_FRAGMENT);
    int size = payload.length + 4 * fragments;
    ByteBuffer out = offHeap ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    int offset = 0;
    do {
      int length = Math.min(MAX_FRAGMENT, payload.length - offset);
      boolean last = offset + length == payload.length;
      out.put((byte) ((last ? FIN : 0) | (offset == 0 ? TEXT : CONTINUATION)));
      if (length < 126) {
        out.put((byte) length);
      } else {
        out.put((byte) 126).putShort((short) length);
      }
      out.put(payload, offset, length);
      offset += length;
    } while (offset < payload.length);
    return out.flip();
  }
}
