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
 * uses the standard one. A
 * document's title and text go to the fields of its language ({@code text_fr}, ...), and a query is
 * analysed once per language, so each language is stemmed and segmented by its own rules.
 */
public final class Analyzers {
  static final String STANDARD = "std";
  static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es", STANDARD);

  private final Map<String, Analyzer> byLanguage = new HashMap<>();
  private final PerFieldAnalyzerWrapper perField;

  public Analyzers() {
    LanguageAnalyzers un = new LanguageAnalyzers();
    LanguageAnalyzers.LANGUAGES.forEach(language -> byLanguage.put(language, un.forLanguage(language)));
    StandardAnalyzer standard = new StandardAnalyzer();
    byLanguage.put(STANDARD, standard);
    Map<String, Analyzer> fields = new HashMap<>();
    for (String language : LANGUAGES) {
      fields.put(titleField(language), byLanguage.get(language));
      fields.put(textField(language), byLanguage.get(language));
    }
    perField = new PerFieldAnalyzerWrapper(standard, fields);
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

  public Analyzer forLanguage(String language) {
    return byLanguage.get(language);
  }

  Analyzer perField() {
    return perField;
  }
}
