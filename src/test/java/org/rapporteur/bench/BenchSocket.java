package org.rapporteur.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.Promise;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The load generator's WebSocket client: a handshake, unmasked frames from the server handed over
 * as bytes, pings answered, and text frames sent. Nothing else.
 *
 * <p>Why not Vert.x's client: one core receives 100,000 frames a second for 1,000 clients, and with
 * a full client (a String per frame, a message aggregator, a context hop) it was 70–86 % busy and fell
 * behind in bursts, which stamped deliveries late and made the machine's floor part of every figure.
 * This client reads the send time straight from the frame's bytes.
 */
final class BenchSocket {
  /** What the load generator does with each text frame's payload, on the socket's event loop. */
  interface Frames {
    void onText(ByteBuf payload);
  }

  private static final int TEXT = 0x1;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;
  /** Any key the client picks is valid; a zero key leaves the payload as it is, so sending copies nothing. */
  private static final byte[] ZERO_MASK = new byte[4];
  private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Channel channel;

  private BenchSocket(Channel channel) {
    this.channel = channel;
  }

  /** Connects and completes the promise once the server has answered 101, on {@code loop}. */
  static void connect(EventLoop loop, String host, int port, String uri, Map<String, String> headers, Frames frames,
      Promise<BenchSocket> opened) {
    new Bootstrap().group(loop).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new Decoder(frames, opened));
          }
        })
        .connect(host, port).addListener(connected -> {
          if (!connected.isSuccess()) {
            opened.tryFailure(connected.cause());
            return;
          }
          StringBuilder request = new StringBuilder("GET ").append(uri).append(" HTTP/1.1\r\nHost: ").append(host)
              .append(':').append(port).append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
              .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
          headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
          Channel channel = ((io.netty.channel.ChannelFuture) connected).channel();
          channel.writeAndFlush(ByteBufUtil.writeAscii(channel.alloc(), request.append("\r\n")));
        });
  }

  /** Sends a text frame; call on the socket's event loop. */
  void sendText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    channel.writeAndFlush(frame(TEXT, payload));
  }

  void close() {
    channel.close();
  }

  private ByteBuf frame(int opcode, byte[] payload) {
    ByteBuf frame = channel.alloc().buffer(payload.length + 14);
    frame.writeByte(0x80 | opcode);
    if (payload.length < 126) {
      frame.writeByte(0x80 | payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.writeByte(0x80 | 126).writeShort(payload.length);
    } else {
      frame.writeByte(0x80 | 127).writeLong(payload.length);
    }
    return frame.writeBytes(ZERO_MASK).writeBytes(payload);
  }

  /** The 101 answer, then frames; a frame is handed over once all its bytes are in. */
  private static final class Decoder extends ByteToMessageDecoder {
    private final Frames frames;
    private final Promise<BenchSocket> opened;
    private BenchSocket socket;

    Decoder(Frames frames, Promise<BenchSocket> opened) {
      this.frames = frames;
      this.opened = opened;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      if (socket == null && !upgrade(ctx, in)) {
        return;
      }
      while (in.readableBytes() >= 2) {
        int start = in.readerIndex();
        int first = in.getUnsignedByte(start);
        int second = in.getUnsignedByte(start + 1);
        int header = 2;
        long length = second & 0x7F;
        if (length == 126) {
          header = 4;
          length = in.readableBytes() >= header ? in.getUnsignedShort(start + 2) : -1;
        } else if (length == 127) {
          header = 10;
          length = in.readableBytes() >= header ? in.getLong(start + 2) : -1;
        }
        if ((second & 0x80) != 0) {
          throw new IllegalStateException("the server masked a frame");
        }
        if (length < 0 || in.readableBytes() < header + length) {
          return;
        }
        ByteBuf payload = in.slice(start + header, (int) length);
        switch (first & 0x0F) {
          case PING -> {
            byte[] data = ByteBufUtil.getBytes(payload);
            ctx.writeAndFlush(socket.frame(PONG, data));
          }
          case CLOSE -> ctx.close();
          case PONG -> { }
          default -> frames.onText(payload);
        }
        in.skipBytes(header + (int) length);
      }
    }

    private boolean upgrade(ChannelHandlerContext ctx, ByteBuf in) {
      int end = ByteBufUtil.indexOf(io.netty.buffer.Unpooled.wrappedBuffer(END_OF_HEADERS), in);
      if (end < 0) {
        return false;
      }
      String head = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.US_ASCII);
      in.readerIndex(end + END_OF_HEADERS.length);
      if (!head.startsWith("HTTP/1.1 101")) {
        opened.tryFailure(new IllegalStateException("no WebSocket upgrade: " + head.lines().findFirst().orElse("")));
        ctx.close();
        return false;
      }
      socket = new BenchSocket(ctx.channel());
      opened.trySuccess(socket);
      return true;
    }
  }
}
