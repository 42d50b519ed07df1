package org.rapporteur.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * Lucene's analyzer for each UN language (Chinese segmented by smartcn), shared by every index that
 * stems and segments a text by its language's rules: full-text search, the radar and the projects'
 * similarity finder.
 */
public final class LanguageAnalyzers {
  /** The six UN languages, in the UN's order. */
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  private final Map<String, Analyzer> byLanguage = new HashMap<>();

  public LanguageAnalyzers() {
    byLanguage.put("ar", new ArabicAnalyzer());
    byLanguage.put("zh", new SmartChineseAnalyzer());
    byLanguage.put("en", new EnglishAnalyzer());
    byLanguage.put("fr", new FrenchAnalyzer());
    byLanguage.put("ru", new RussianAnalyzer());
    byLanguage.put("es", new SpanishAnalyzer());
  }

  /** The analyzer of one of {@link #LANGUAGES}, or null for another language. */
  public Analyzer forLanguage(String language) {
    return byLanguage.get(language);
  }
}
