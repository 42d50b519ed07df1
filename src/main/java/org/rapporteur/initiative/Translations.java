package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.json.JsonInput;

/** The translations view of a set of texts, and the checks on adding translations to them. */
final class Translations {
  private Translations() {}

  /** A PATCH body: {@code {"lang": "fr", "texts": {"title": "...", "expectedResults[0].text": "..."}}}. */
  record Patch(String lang, Map<String, String> texts) {
    static Patch read(JsonInput in, int maxLength) {
      String lang = in.requiredString("lang", 2);
      if (lang != null && !Text.LANGUAGES.contains(lang)) {
        in.fail("lang", "must be one of " + String.join(", ", Text.LANGUAGES));
      }
      JsonInput textsIn = in.optionalObject("texts");
      Map<String, String> texts = new LinkedHashMap<>();
      if (textsIn == null) {
        in.fail("texts", "is required: each text's path and its translation");
      } else {
        for (String path : textsIn.fieldNames()) {
          String value = textsIn.requiredString(path, maxLength);
          if (value != null) {
            texts.put(path, value);
          }
        }
        textsIn.done();
      }
      in.done();
      return new Patch(lang, texts);
    }
  }

  /**
   * {@code languages}: per language, how many of the texts it has ({@code done}) out of {@code total};
   * {@code texts}: each text's path, original language and values.
   */
  static JsonObject view(Map<String, Text> texts) {
    JsonObject languages = new JsonObject();
    for (String lang : Text.LANGUAGES) {
      long done = texts.values().stream().filter(t -> t.has(lang)).count();
      languages.put(lang, new JsonObject().put("done", done).put("total", texts.size())
          .put("percent", texts.isEmpty() ? 100 : Math.round(100.0 * done / texts.size())));
    }
    JsonArray items = new JsonArray();
    texts.forEach((path, text) -> items.add(text.toDocument().put("path", path)
        .put("missing", new JsonArray(Text.LANGUAGES.stream().filter(l -> !text.has(l)).toList()))));
    return new JsonObject().put("languages", languages).put("texts", items);
  }

  /** Every path must name a text; nobody overwrites an original through a translation. */
  static void check(Map<String, Text> texts, String lang, Map<String, String> patch) {
    List<FieldError> errors = new ArrayList<>();
    for (String path : patch.keySet()) {
      Text text = texts.get(path);
      if (text == null) {
        errors.add(new FieldError("texts." + path, "names no text of this item"));
      } else if (text.original().equals(lang)) {
        errors.add(new FieldError("texts." + path, "is written in " + lang + "; change the original instead"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
