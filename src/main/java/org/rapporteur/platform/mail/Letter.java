package org.rapporteur.platform.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.rapporteur.platform.i18n.Labels;

/**
 * The words and clock of one recipient: e-mail leaves the platform, so unlike the pages it is
 * written on the server, in the language and time zone of the person's profile.
 */
public record Letter(Labels.In words, ZoneId zone) {
  /** Directional isolates keep a Latin value (a number, a link, a date) whole inside Arabic text. */
  private static final String FSI = "\u2068";
  private static final String PDI = "\u2069";

  /** The profile's language (English when unset or unknown) and time zone (UTC when unset or unknown). */
  public static Letter of(Labels labels, String language, String timeZone) {
    return new Letter(labels.in(language == null ? "en" : language), zone(timeZone));
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  public String get(String key) {
    return words.get(key);
  }

  /** The label with each {@code {name}} replaced by its value, each value isolated in right-to-left text. */
  public String format(String key, Object... namesAndValues) {
    Object[] isolated = namesAndValues.clone();
    if (words.rightToLeft()) {
      for (int i = 1; i < isolated.length; i += 2) {
        isolated[i] = FSI + isolated[i] + PDI;
      }
    }
    return words.format(key, isolated);
  }

  /** A moment as the reader reads it: date and time in their language and zone, with the zone named. */
  public String when(Instant instant) {
    DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag(words.lang()));
    String zoneName = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    return format.format(instant.atZone(zone)) + " (" + zoneName + ")";
  }
}
