package org.rapporteur.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free 127.0.0.1 port, and the mail settings that send through it. */
public final class MailServer implements AutoCloseable {
  private static final Pattern RESET_LINK = Pattern.compile("(https?://\\S+/#/reset-password\\?token=([A-Za-z0-9_-]+))");

  private final GreenMail smtp;
  private final int port;

  private MailServer(GreenMail smtp, int port) {
    this.smtp = smtp;
    this.port = port;
  }

  public static MailServer start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return new MailServer(smtp, port);
  }

  /** The {@code mail} section of the server's settings. */
  public JsonObject config() {
    return new JsonObject().put("host", "127.0.0.1").put("port", port).put("from", "rapporteur@test.example");
  }

  public GreenMail greenMail() {
    return smtp;
  }

  /** Waits (at most 15 s) until {@code count} messages arrived in all, and answers them. */
  public MimeMessage[] await(int count) {
    if (!smtp.waitForIncomingEmail(15_000, count)) {
      throw new AssertionError("expected " + count + " e-mails, got " + smtp.getReceivedMessages().length);
    }
    return smtp.getReceivedMessages();
  }

  /** The decoded text of a plain-text message (quoted-printable or base64 on the wire). */
  public static String body(MimeMessage message) {
    try {
      return (String) message.getContent();
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new AssertionError("unreadable message", e);
    }
  }

  /** The reset link in a message: group 1 the whole link, group 2 the token. */
  public static Matcher resetLink(MimeMessage message) {
    Matcher link = RESET_LINK.matcher(body(message));
    if (!link.find()) {
      throw new AssertionError("no reset link in: " + body(message));
    }
    return link;
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
