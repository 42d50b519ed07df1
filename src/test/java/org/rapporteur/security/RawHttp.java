package org.rapporteur.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection on a plain socket, for what a client library hides: a body the server did
 * not read, a second request on the same connection, a request header that never ends.
 */
final class RawHttp implements AutoCloseable {
  /** An answer, or the connection ending (status -1) or staying silent (status 0) instead. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    static final Answer CLOSED = new Answer(-1, Map.of(), new byte[0]);
    static final Answer SILENT = new Answer(0, Map.of(), new byte[0]);

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean closesConnection() {
      return "close".equalsIgnoreCase(header("Connection"));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port, int readTimeoutMillis) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(readTimeoutMillis);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void send(String head) throws IOException {
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /**
   * Sends the body from another thread: a server that does not read it lets the socket buffers fill,
   * and the answer must still be read meanwhile.
   */
  Thread sendInBackground(byte[] body) {
    Thread writer = new Thread(() -> {
      try {
        out.write(body);
        out.flush();
      } catch (IOException closedByServer) {
        // the server may close without reading the rest: that is one of the outcomes under test
      }
    }, "raw-http-body");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  /** Reads one answer; {@code hasBody} false for answers to HEAD. */
  Answer read(boolean hasBody) throws IOException {
    String head;
    try {
      head = readHead();
    } catch (SocketTimeoutException e) {
      return Answer.SILENT;
    }
    if (head == null) {
      return Answer.CLOSED;
    }
    String[] lines = head.split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    byte[] body = new byte[0];
    if (hasBody && headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
  }

  /** The raw stream, for answers that never end (Server-Sent Events). */
  InputStream input() {
    return in;
  }

  /** Whether the server ends the connection (EOF or reset) before the read timeout. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException reset) {
        return null;
      }
      if (b == -1) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
