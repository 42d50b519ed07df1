package org.rapporteur.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.rapporteur.index.LanguageAnalyzers;

/**
 * One analyzer per UN language (see {@link LanguageAnalyzers}); text in another or unknown language
 * uses the standard one. A document's title and text go to the fields of its language
 * ({@code text_fr}, ...), and a query is analysed once per language through the same per-field
 * analyzer, so each language is stemmed and segmented by its own rules; any other field (the
 * metadata) is analysed by the standard one.
 */
final class Analyzers {
  static final String STANDARD = "std";
  static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es", STANDARD);

  private Analyzers() {}

  /** Blocking (the language analyzers read their resources): the index pipeline calls it on its writer thread. */
  static Analyzer perField() {
    LanguageAnalyzers un = new LanguageAnalyzers();
    StandardAnalyzer standard = new StandardAnalyzer();
    Map<String, Analyzer> fields = new HashMap<>();
    for (String language : LANGUAGES) {
      Analyzer analyzer = language.equals(STANDARD) ? standard : un.forLanguage(language);
      fields.put(titleField(language), analyzer);
      fields.put(textField(language), analyzer);
    }
    return new PerFieldAnalyzerWrapper(standard, fields);
  }

  static String languageOf(String detected) {
    return detected != null && LANGUAGES.contains(detected) ? detected : STANDARD;
  }

  static String titleField(String language) {
    return "title_" + language;
  }

  static String textField(String language) {
    return "text_" + language;
  }
}
