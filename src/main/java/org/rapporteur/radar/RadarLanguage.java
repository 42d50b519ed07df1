package org.rapporteur.radar;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapporteur.index.LanguageAnalyzers;

/**
 * The language a radar document is analysed in: the one it declares (a contribution's detected
 * language) when the radar has an analyzer for it, otherwise a guess from the script most of its
 * letters are written in. Latin script gives English: only a declared language tells French or
 * Spanish from it, as a light heuristic cannot do that reliably on a title.
 */
final class RadarLanguage {
  static final List<String> SUPPORTED = LanguageAnalyzers.LANGUAGES;
  private static final String DEFAULT = "en";
  private static final int SAMPLE = 10_000;
  /** A Han character is a word or half of one, where alphabets spell a word with several letters. */
  private static final int HAN_WEIGHT = 3;
  private static final Map<Character.UnicodeScript, String> BY_SCRIPT = Map.of(
      Character.UnicodeScript.ARABIC, "ar",
      Character.UnicodeScript.HAN, "zh",
      Character.UnicodeScript.CYRILLIC, "ru",
      Character.UnicodeScript.LATIN, DEFAULT);

  private RadarLanguage() {}

  static String choose(String declared, String content) {
    String language = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return SUPPORTED.contains(language) ? language : guess(content);
  }

  static String guess(String content) {
    if (content == null) {
      return DEFAULT;
    }
    Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
    int end = Math.min(content.length(), SAMPLE);
    for (int i = 0; i < end; i = content.offsetByCodePoints(i, 1)) {
      int c = content.codePointAt(i);
      if (Character.isLetter(c)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (BY_SCRIPT.containsKey(script)) {
          letters.merge(script, script == Character.UnicodeScript.HAN ? HAN_WEIGHT : 1, Integer::sum);
        }
      }
    }
    return letters.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> BY_SCRIPT.get(e.getKey())).orElse(DEFAULT);
  }
}
