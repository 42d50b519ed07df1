package org.rapporteur.platform.mail;

import io.vertx.core.json.JsonObject;

/** The {@code mail} section: the SMTP server that deadline reminders and password resets go through. Without a host, no e-mail is sent. */
public record MailConfig(String host, int port, String from, String username, String password, boolean startTls,
    boolean ssl, int timeoutMillis) {

  public static MailConfig fromJson(JsonObject json) {
    return new MailConfig(json.getString("host"), json.getInteger("port", 25),
        json.getString("from", "rapporteur@localhost"), json.getString("username"), json.getString("password"),
        json.getBoolean("startTls", false), json.getBoolean("ssl", false), json.getInteger("timeoutMillis", 10_000));
  }

  public boolean enabled() {
    return host != null && !host.isBlank();
  }
}
