package org.rapporteur.platform.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.rapporteur.platform.i18n.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends plain-text e-mail through the configured SMTP server, on one worker thread (never an event loop). */
public final class Mailer {
  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final MailConfig config;
  private final Vertx vertx;
  private final WorkerExecutor worker;
  private Session session;
  private Future<Labels> labels;

  public Mailer(Vertx vertx, MailConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.worker = config.enabled() ? vertx.createSharedWorkerExecutor("rapporteur-mail", 1) : null;
  }

  /** Made on the worker: Jakarta Mail reads its provider files from the class path. */
  private Session session() {
    if (session == null) {
      session = Session.getInstance(properties(config), authenticator(config));
    }
    return session;
  }

  public boolean enabled() {
    return config.enabled();
  }

  /** The recipient's letter: the words of {@code i18n/mail_xx.json} in their language, and their time zone. */
  public Future<Letter> letterFor(String language, String timeZone) {
    if (labels == null) {
      // Read once, off the event loop, when the first mail is written.
      labels = vertx.executeBlocking(() -> Labels.load("mail"), false);
    }
    return labels.map(l -> Letter.of(l, language, timeZone));
  }

  public Future<Void> send(String to, String subject, String text) {
    if (!config.enabled()) {
      log.debug("Mail is not configured; not sending '{}' to {}", subject, to);
      return Future.succeededFuture();
    }
    return worker.executeBlocking(() -> {
      Session session = session();
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(config.from()));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      try (Transport transport = session.getTransport(config.ssl() ? "smtps" : "smtp")) {
        if (config.username() != null) {
          transport.connect(config.username(), config.password());
        } else {
          transport.connect();
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
      return null;
    }, false);
  }

  public Future<Void> close() {
    return worker == null ? Future.succeededFuture() : worker.close();
  }

  private static Properties properties(MailConfig config) {
    Properties props = new Properties();
    String protocol = config.ssl() ? "smtps" : "smtp";
    props.put("mail.transport.protocol", protocol);
    props.put("mail." + protocol + ".host", config.host());
    props.put("mail." + protocol + ".port", Integer.toString(config.port()));
    props.put("mail." + protocol + ".auth", Boolean.toString(config.username() != null));
    props.put("mail." + protocol + ".starttls.enable", Boolean.toString(config.startTls()));
    props.put("mail." + protocol + ".starttls.required", Boolean.toString(config.startTls()));
    props.put("mail." + protocol + ".connectiontimeout", Integer.toString(config.timeoutMillis()));
    props.put("mail." + protocol + ".timeout", Integer.toString(config.timeoutMillis()));
    props.put("mail." + protocol + ".writetimeout", Integer.toString(config.timeoutMillis()));
    props.put("mail.smtp.from", config.from());
    return props;
  }

  private static Authenticator authenticator(MailConfig config) {
    if (config.username() == null) {
      return null;
    }
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(config.username(), config.password());
      }
    };
  }
}
