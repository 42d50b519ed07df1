package org.rapporteur.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that counts what crosses it, per connection: the HTTP bytes of plain connections,
 * and for a WebSocket (a {@code GET /api/realtime} answered 101) the frames after the upgrade, each way,
 * as they are on the wire: headers, masks, compressed payloads, pings and pongs.
 */
final class CountingProxy implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final AtomicInteger targetPort = new AtomicInteger();
  private final List<Tap> taps = new CopyOnWriteArrayList<>();

  private CountingProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  /** Listens at once; forwards to the port set with {@link #forwardTo} (known only once the server runs). */
  static CountingProxy start(Vertx vertx) {
    NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
    CountingProxy proxy = new CountingProxy(server, vertx.createNetClient());
    server.connectHandler(proxy::accept).listen().await();
    return proxy;
  }

  int port() {
    return server.actualPort();
  }

  void forwardTo(int port) {
    targetPort.set(port);
  }

  /** Every connection so far, in the order they were opened. */
  List<Tap> taps() {
    return List.copyOf(taps);
  }

  private void accept(NetSocket in) {
    in.pause();
    Tap tap = new Tap();
    taps.add(tap);
    client.connect(targetPort.get(), "127.0.0.1").onSuccess(out -> {
      in.handler(bytes -> {
        tap.fromClient(bytes);
        out.write(bytes);
      });
      out.handler(bytes -> {
        tap.fromServer(bytes);
        in.write(bytes);
      });
      in.closeHandler(v -> out.close());
      out.closeHandler(v -> in.close());
      in.resume();
    }).onFailure(e -> in.close());
  }

  @Override
  public void close() {
    server.close().await();
    client.close().await();
  }

  /** One connection's counts. Written on the proxy's event loop, read from elsewhere: all volatile or synchronized. */
  static final class Tap {
    private final StringBuilder requestHead = new StringBuilder();
    private final StringBuilder responseHead = new StringBuilder();
    private volatile boolean requestDone;
    private volatile boolean responseDone;
    private volatile boolean webSocket;
    private volatile String extensions = "";
    private final Frames down = new Frames();
    private final Frames up = new Frames();
    private volatile long httpBytes;

    synchronized void fromClient(Buffer bytes) {
      int from = 0;
      if (!requestDone) {
        int end = head(requestHead, bytes);
        if (end < 0) {
          httpBytes += bytes.length();
          return;
        }
        requestDone = true;
        httpBytes += end;
        from = end;
      }
      // A client sends frames only once the 101 has come.
      if (webSocket) {
        up.feed(bytes, from);
      } else {
        httpBytes += bytes.length() - from;
      }
    }

    synchronized void fromServer(Buffer bytes) {
      int from = 0;
      if (!responseDone && requestDone && isUpgradeRequest()) {
        int end = head(responseHead, bytes);
        if (end >= 0) {
          responseDone = true;
          String head = responseHead.toString();
          webSocket = head.startsWith("HTTP/1.1 101");
          extensions = header(head, "sec-websocket-extensions");
          httpBytes += end;
          from = end;
        } else {
          httpBytes += bytes.length();
          return;
        }
      }
      if (webSocket && responseDone) {
        down.feed(bytes, from);
      } else {
        httpBytes += bytes.length() - from;
      }
    }

    private boolean isUpgradeRequest() {
      String head = requestHead.toString().toLowerCase(Locale.ROOT);
      return head.startsWith("get /api/realtime") && head.contains("upgrade: websocket");
    }

    /** Appends to the head until its blank line; the offset in {@code bytes} just after it, or -1. */
    private static int head(StringBuilder head, Buffer bytes) {
      for (int i = 0; i < bytes.length(); i++) {
        head.append((char) (bytes.getByte(i) & 0xff));
        int n = head.length();
        if (n >= 4 && head.charAt(n - 4) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 2) == '\r'
            && head.charAt(n - 1) == '\n') {
          return i + 1;
        }
      }
      return -1;
    }

    private static String header(String head, String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }

    boolean webSocket() {
      return webSocket;
    }

    String extensions() {
      return extensions;
    }

    /** The request line, for telling connections apart. */
    synchronized String request() {
      int end = requestHead.indexOf("\r\n");
      return end < 0 ? requestHead.toString() : requestHead.substring(0, end);
    }

    synchronized Counts counts() {
      return new Counts(down.bytes, down.frames, down.compressed, down.controlFrames, up.bytes, up.frames,
          up.controlFrames, httpBytes);
    }
  }

  /** Bytes and frames so far; subtract two to get a window. */
  record Counts(long downBytes, long downFrames, long downCompressed, long downControl, long upBytes, long upFrames,
      long upControl, long httpBytes) {
    Counts minus(Counts o) {
      return new Counts(downBytes - o.downBytes, downFrames - o.downFrames, downCompressed - o.downCompressed,
          downControl - o.downControl, upBytes - o.upBytes, upFrames - o.upFrames, upControl - o.upControl,
          httpBytes - o.httpBytes);
    }
  }

  /** Walks WebSocket frames (RFC 6455 §5.2) as their bytes pass, counting them. */
  private static final class Frames {
    private final byte[] header = new byte[14];
    private int headerHave;
    private long payloadLeft;
    long bytes;
    long frames;
    long compressed;
    long controlFrames;

    void feed(Buffer buffer, int from) {
      bytes += buffer.length() - from;
      for (int i = from; i < buffer.length(); ) {
        if (payloadLeft > 0) {
          long take = Math.min(payloadLeft, buffer.length() - i);
          payloadLeft -= take;
          i += (int) take;
          continue;
        }
        header[headerHave++] = buffer.getByte(i++);
        int need = headerLength();
        if (need > 0 && headerHave == need) {
          frameStarts();
          headerHave = 0;
        }
      }
    }

    /** The full header length once enough of it is known, else 0. */
    private int headerLength() {
      if (headerHave < 2) {
        return 0;
      }
      int len7 = header[1] & 0x7f;
      int mask = (header[1] & 0x80) != 0 ? 4 : 0;
      return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + mask;
    }

    private void frameStarts() {
      frames++;
      int opcode = header[0] & 0x0f;
      if ((header[0] & 0x40) != 0) {
        compressed++;
      }
      if (opcode >= 0x8) {
        controlFrames++;
      }
      int len7 = header[1] & 0x7f;
      long length = len7;
      if (len7 == 126) {
        length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
      } else if (len7 == 127) {
        length = 0;
        for (int k = 2; k < 10; k++) {
          length = (length << 8) | (header[k] & 0xff);
        }
      }
      payloadLeft = length;
    }
  }
}
