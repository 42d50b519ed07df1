package org.rapporteur.initiative;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.json.JsonInput;

/**
 * A text a person wrote, kept in the language it was written in ({@code original}) and in any
 * translations into the six UN languages. A reader asking for a language nobody translated into
 * gets the original, marked as such.
 */
public record Text(String original, Map<String, String> values) {
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  public Text {
    values = Map.copyOf(values);
  }

  public static Text of(String lang, String text) {
    return new Text(lang, Map.of(lang, text));
  }

  /** The original text. */
  public String originalText() {
    return values.get(original);
  }

  public boolean has(String lang) {
    return values.containsKey(lang);
  }

  public Text withTranslation(String lang, String text) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(lang, text);
    return new Text(original, copy);
  }

  /**
   * Reads {@code "a string"} (written in English) or {@code {"original": "fr", "values": {"fr": "...",
   * "en": "..."}}}; the original language must have a value.
   */
  public static Text read(JsonInput in, String field, int maxLength, boolean required) {
    if (in.isString(field)) {
      String text = in.requiredString(field, maxLength);
      return text == null ? null : of("en", text);
    }
    JsonInput object = in.optionalObject(field);
    if (object == null) {
      if (required && !in.has(field)) {
        in.fail(field, "is required");
      }
      return null;
    }
    String original = object.requiredString("original", 2);
    if (original != null && !LANGUAGES.contains(original)) {
      object.fail("original", "must be one of " + String.join(", ", LANGUAGES));
    }
    Map<String, String> values = new LinkedHashMap<>();
    JsonInput texts = object.optionalObject("values");
    if (texts == null) {
      object.fail("values", "is required");
    } else {
      for (String lang : texts.fieldNames()) {
        if (!LANGUAGES.contains(lang)) {
          continue;
        }
        String value = texts.optionalString(lang, maxLength);
        if (value != null) {
          values.put(lang, value);
        }
      }
      if (original != null && LANGUAGES.contains(original) && !values.containsKey(original)) {
        texts.fail(original, "is required: the text in its original language");
      }
      texts.done();
    }
    object.done();
    return original == null || !values.containsKey(original) ? null : new Text(original, values);
  }

  /** The reader's language, or the original: {@code {text, lang, original}}. */
  public JsonObject render(String lang) {
    String chosen = lang != null && values.containsKey(lang) ? lang : original;
    return new JsonObject().put("text", values.get(chosen)).put("lang", chosen).put("original", chosen.equals(original));
  }

  public JsonObject toDocument() {
    return new JsonObject().put("original", original).put("values", new JsonObject(new LinkedHashMap<>(values)));
  }

  public static Text fromDocument(JsonObject doc) {
    if (doc == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    doc.getJsonObject("values", new JsonObject()).forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
    return new Text(doc.getString("original"), values);
  }
}
