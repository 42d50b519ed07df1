package org.rapporteur.realtime.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * One server frame of the realtime protocol: its JSON text (what an SSE stream sends) and, made once
 * and shared by every connection it goes to, its bytes on a WebSocket. A room's event is encoded
 * once however many thousand subscribers it reaches.
 */
final class WireFrame {
  /** Larger texts go out as continuation frames, so no client meets a frame over 64 KiB. */
  private static final int MAX_FRAGMENT = 60_000;
  private static final int FIN = 0x80;
  /** Marks a compressed message (RFC 7692 §6). */
  private static final int RSV1 = 0x40;
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;
  /** Smaller texts go out as they are: a chat event of a few hundred bytes shrinks by little. */
  private static final int MIN_DEFLATE_BYTES = 1024;
  /** What {@link #deflated} holds when compressing does not pay. */
  private static final ByteBuf NOT_DEFLATED = Unpooled.EMPTY_BUFFER;
  /** The peer's window (RFC 7692 §7.1.2.1: the server's is 2^15 unless it agreed to less, which it never does). */
  private static final int WINDOW = 32_768;

  private final String json;
  private final boolean offHeap;
  /**
   * For a room's live event: the text of the room's event just before it (null for the first), and whether
   * it is one. Such an event is worth compressing even when short, since the next one may then refer to it.
   */
  private final String previous;
  private final boolean roomEvent;
  private volatile ByteBuf wire;
  private volatile ByteBuf deflated;
  private volatile ByteBuf chained;

  private WireFrame(String json, boolean offHeap, String previous, boolean roomEvent) {
    this.json = json;
    this.offHeap = offHeap;
    this.previous = previous;
    this.roomEvent = roomEvent;
  }

  /** A frame for one connection (an ack, an error, a replayed event): its bytes stay on the heap. */
  static WireFrame forOne(String json) {
    return new WireFrame(json, false, null, false);
  }

  /**
   * A frame for many connections (a room's live event): its bytes live once, off the heap, so that no
   * socket write copies them. Direct memory is freed only by the garbage collector, hence not for
   * frames written once.
   */
  static WireFrame forMany(String json) {
    return new WireFrame(json, true, null, false);
  }

  /**
   * A room's live event, sent after {@code previous} (the text of the room's event before it, or null):
   * see {@link #deflatedWire(String)}.
   */
  static WireFrame following(String json, String previous) {
    return new WireFrame(json, true, previous, true);
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

  /**
   * The same message for a connection that negotiated permessage-deflate (RFC 7692), compressed once
   * however many connections it goes to; the plain message when compressing does not pay (short texts,
   * or a result of more than one fragment). Each message is compressed on its own, which is valid
   * whether or not the peers agreed to keep the compression context between messages. What it is for:
   * a replay, sent as {@code events} frames, to a delegate on a 400 kbit/s link.
   */
  ByteBuf deflatedWire() {
    ByteBuf bytes = deflated;
    if (bytes == null) {
      bytes = deflate(json.getBytes(StandardCharsets.UTF_8), null, roomEvent ? 0 : MIN_DEFLATE_BYTES);
      deflated = bytes;
    }
    return bytes == NOT_DEFLATED ? wire() : bytes.duplicate();
  }

  /**
   * The same for a connection whose last compressed message was {@code peerLast} (its text; the very
   * object, compared by identity). The server keeps its compression context (it never agrees to
   * server_no_context_takeover), so the peer's window ends with that message's text; when it is the room's
   * event just before this one, this one is compressed against it, once for every connection in that case.
   * A chat event then costs the words that are new and a few bytes for the rest (the keys, the room, the
   * author), where on its own it would shrink by little. Uncompressed messages never enter the window,
   * so the frames in between (acks, pongs, read marks) do not matter.
   */
  ByteBuf deflatedWire(String peerLast) {
    if (previous == null || previous != peerLast) {
      return deflatedWire();
    }
    ByteBuf bytes = chained;
    if (bytes == null) {
      bytes = deflate(json.getBytes(StandardCharsets.UTF_8), previous.getBytes(StandardCharsets.UTF_8), 0);
      chained = bytes;
    }
    return bytes == NOT_DEFLATED ? wire() : bytes.duplicate();
  }

  /** Whether these bytes (from {@link #deflatedWire}) are a compressed message, which enters the peer's window. */
  static boolean compressed(ByteBuf bytes) {
    return (bytes.getByte(bytes.readerIndex()) & RSV1) != 0;
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

  private ByteBuf deflate(byte[] payload, byte[] dictionary, int minBytes) {
    if (payload.length < minBytes) {
      return NOT_DEFLATED;
    }
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      if (dictionary != null) {
        int from = Math.max(0, dictionary.length - WINDOW);
        deflater.setDictionary(dictionary, from, dictionary.length - from);
      }
      deflater.setInput(payload);
      byte[] out = new byte[payload.length + 64];
      int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
      // A sync flush ends in the empty block 00 00 ff ff, which the message leaves out (RFC 7692 §7.2.1).
      int compressed = length - 4;
      if (length >= out.length || compressed >= payload.length || compressed > MAX_FRAGMENT) {
        return NOT_DEFLATED;
      }
      ByteBuffer frame = offHeap ? ByteBuffer.allocateDirect(compressed + 4) : ByteBuffer.allocate(compressed + 4);
      frame.put((byte) (FIN | RSV1 | TEXT));
      putLength(frame, compressed);
      frame.put(out, 0, compressed);
      return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(frame.flip()));
    } finally {
      deflater.end();
    }
  }

  private static void putLength(ByteBuffer out, int length) {
    if (length < 126) {
      out.put((byte) length);
    } else {
      out.put((byte) 126).putShort((short) length);
    }
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
      putLength(out, length);
      out.put(payload, offset, length);
      offset += length;
    } while (offset < payload.length);
    return out.flip();
  }
}
