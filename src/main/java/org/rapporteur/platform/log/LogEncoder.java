package org.rapporteur.platform.log;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Writes each event as text (a pattern) or, with {@code format} {@code json} ({@code LOG_FORMAT=json}),
 * as one JSON object per line: time, level, logger, thread, message, the request id and user id of the
 * request it belongs to, the MDC, and the stack trace. One encoder chosen by a property, so that a
 * misspelt format still logs (as text) instead of losing every line.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NOTHING = new byte[0];
  private String format = "text";
  private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30}%request - %msg%n";
  private PatternLayout text;

  public void setFormat(String format) {
    this.format = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    text = new PatternLayout();
    text.setContext(getContext());
    text.getInstanceConverterMap().put("request", RequestConverter::new);
    text.setPattern(pattern);
    text.start();
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = "json".equals(format) ? json(event) + "\n" : text.doLayout(event);
    return line.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  private static String json(ILoggingEvent event) {
    JsonObject line = new JsonObject()
        .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
        .put("level", event.getLevel().toString())
        .put("logger", event.getLoggerName())
        .put("thread", event.getThreadName())
        .put("message", event.getFormattedMessage());
    putIfPresent(line, "requestId", RequestScope.requestId());
    putIfPresent(line, "userId", RequestScope.userId());
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      line.put("mdc", new JsonObject(Map.copyOf(mdc)));
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.put("exception", thrown.getClassName()).put("stackTrace", ThrowableProxyUtil.asString(thrown));
    }
    return line.encode();
  }

  private static void putIfPresent(JsonObject line, String key, String value) {
    if (value != null) {
      line.put(key, value);
    }
  }
}
