package org.rapporteur.chat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.rapporteur.platform.errors.InvalidInputException;

/**
 * "Find in this chat": the messages whose text holds every word of the query, ignoring case, accents and
 * Arabic vowel marks, so that "reseau" finds "réseau" and "الاتصالات" finds a vowelled spelling. A plain
 * substring match rather than a word index, so that it works the same in Chinese, which has no spaces, and
 * for document numbers such as "RGQ/42".
 */
record ChatSearch(List<String> words) {
  static final int MIN_CHARS = 2;
  static final int MAX_CHARS = 200;
  private static final int MAX_WORDS = 10;
  /** Combining marks (accents, Arabic harakat) and the Arabic tatweel, which only stretches a word. */
  private static final Pattern MARKS = Pattern.compile("[\\p{M}\\u0640]");

  static ChatSearch parse(String query) {
    String trimmed = query == null ? "" : query.strip();
    if (trimmed.codePointCount(0, trimmed.length()) < MIN_CHARS || trimmed.length() > MAX_CHARS) {
      throw InvalidInputException.of("q", "must have " + MIN_CHARS + " to " + MAX_CHARS + " characters");
    }
    List<String> words = Arrays.stream(fold(trimmed).split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList();
    if (words.isEmpty() || words.size() > MAX_WORDS) {
      throw InvalidInputException.of("q", "must have 1 to " + MAX_WORDS + " words");
    }
    return new ChatSearch(words);
  }

  boolean matches(String text) {
    if (text == null) {
      return false;
    }
    String folded = fold(text);
    return words.stream().allMatch(folded::contains);
  }

  static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
