package org.rapporteur.initiative;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the exported report (headings, column names, status and role names) in the six
 * languages, from {@code i18n/report_xx.json} on the class path: the report is a file people take
 * away, so unlike the web pages its labels are written on the server. Read once at start-up.
 */
final class ReportLabels {
  private final Map<String, JsonObject> bundles;

  private ReportLabels(Map<String, JsonObject> bundles) {
    this.bundles = bundles;
  }

  /** Blocking: call on a worker, once. Fails if a language misses a key that English has. */
  static ReportLabels load() {
    Map<String, JsonObject> bundles = new LinkedHashMap<>();
    for (String lang : Text.LANGUAGES) {
      try (InputStream in = ReportLabels.class.getClassLoader().getResourceAsStream("i18n/report_" + lang + ".json")) {
        if (in == null) {
          throw new IllegalStateException("i18n/report_" + lang + ".json is missing from the class path");
        }
        bundles.put(lang, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String lang : Text.LANGUAGES) {
      for (String key : bundles.get("en").fieldNames()) {
        if (!bundles.get(lang).containsKey(key)) {
          throw new IllegalStateException("i18n/report_" + lang + ".json has no " + key);
        }
      }
    }
    return new ReportLabels(bundles);
  }

  /** The labels of one language. */
  In in(String lang) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag(lang + "-u-nu-latn"));
    return new In(lang, bundles.get(lang), new DecimalFormat("#,##0.00", symbols), new DecimalFormat("#,##0.##", symbols));
  }

  /** One language's labels and number formats: for one report, on one thread (formats are not thread-safe). */
  record In(String lang, JsonObject bundle, DecimalFormat moneyFormat, DecimalFormat numberFormat) {
    String get(String key) {
      return bundle.getString(key, key);
    }

    /** The label with each {@code {name}} replaced by its value. */
    String format(String key, Object... namesAndValues) {
      String text = get(key);
      for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
        text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
      }
      return text;
    }

    boolean rightToLeft() {
      return "ar".equals(lang);
    }

    /** The text in this language, or its original followed by "(original in French)". */
    String text(Text t) {
      if (t == null) {
        return "";
      }
      if (t.has(lang)) {
        return t.values().get(lang);
      }
      return t.originalText() + " (" + format("original", "language", get("lang." + t.original())) + ")";
    }

    /** Amounts with this language's separators, in Western digits as UN documents print them. */
    String money(double amount) {
      return moneyFormat.format(amount);
    }

    String number(double value) {
      return numberFormat.format(value);
    }
  }
}
