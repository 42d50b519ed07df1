package org.rapporteur.platform.i18n;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of one kind of exported file (an agenda, a report) in the six languages, from
 * {@code i18n/<name>_xx.json} on the class path. Files people take away are written on the server,
 * so unlike the web pages their labels are rendered here. Read once at start-up.
 */
public final class Labels {
  private final Map<String, JsonObject> bundles;

  private Labels(Map<String, JsonObject> bundles) {
    this.bundles = bundles;
  }

  /** Blocking: call on a worker, once. Fails if a language misses a key that English has. */
  public static Labels load(String name) {
    Map<String, JsonObject> bundles = new LinkedHashMap<>();
    for (String lang : Languages.ALL) {
      String path = "i18n/" + name + "_" + lang + ".json";
      try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException(path + " is missing from the class path");
        }
        bundles.put(lang, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String lang : Languages.ALL) {
      for (String key : bundles.get("en").fieldNames()) {
        if (!bundles.get(lang).containsKey(key)) {
          throw new IllegalStateException("i18n/" + name + "_" + lang + ".json has no " + key);
        }
      }
    }
    return new Labels(bundles);
  }

  /** The labels of one language (English for one we do not have). */
  public In in(String lang) {
    return new In(bundles.containsKey(lang) ? lang : "en", bundles.getOrDefault(lang, bundles.get("en")));
  }

  /** One language's labels. */
  public record In(String lang, JsonObject bundle) {
    public String get(String key) {
      return bundle.getString(key, key);
    }

    /** The label with each {@code {name}} replaced by its value. */
    public String format(String key, Object... namesAndValues) {
      String text = get(key);
      for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
        text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
      }
      return text;
    }

    public boolean rightToLeft() {
      return "ar".equals(lang);
    }
  }
}
