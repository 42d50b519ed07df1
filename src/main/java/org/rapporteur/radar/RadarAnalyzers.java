package org.rapporteur.radar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.rapporteur.search.Analyzers;

/**
 * The radar's analysis, one field per language ({@code text_fr}, ...) so that MoreLikeThis and the
 * TF-IDF vectors only ever compare texts of one language. English keeps the radar's own analysis
 * (without ITU boilerplate); the other UN languages use the search feature's analyzers. Every
 * language drops tokens with digits.
 */
final class RadarAnalyzers {
  /** Words every ITU text in English uses: they say nothing about the subject. */
  private static final List<String> BOILERPLATE = List.of("itu", "itu-d", "itu-t", "ict", "icts", "telecommunication",
      "telecommunications", "question", "questions", "study", "group", "groups", "sg", "liaison", "statement", "ls",
      "sector", "member", "states", "developing", "countries", "country", "regional", "region", "work", "including",
      "also", "please", "kindly", "invite", "invited", "inform", "thank", "would", "like", "information", "action",
      "comment", "comments", "meeting", "reply", "response", "rapporteur", "from", "about", "with", "between", "among",
      "its", "their", "our", "other", "more", "new", "use", "used", "using", "within", "under", "how", "what", "which");

  private final PerFieldAnalyzerWrapper perField;

  RadarAnalyzers() {
    CharArraySet stops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stops.addAll(BOILERPLATE);
    Analyzer english = new RadarAnalyzer(stops);
    Analyzers shared = new Analyzers();
    Map<String, Analyzer> fields = new HashMap<>();
    for (String language : RadarLanguage.SUPPORTED) {
      fields.put(field(language), language.equals("en") ? english : withoutDigits(shared.forLanguage(language)));
    }
    perField = new PerFieldAnalyzerWrapper(english, fields);
  }

  static String field(String language) {
    return "text_" + language;
  }

  /** Chinese words are one or two characters long; elsewhere such short tokens are rarely a subject. */
  static int minWordLength(String language) {
    return switch (language) {
      case "zh" -> 1;
      case "en" -> 3;
      default -> 2;
    };
  }

  Analyzer perField() {
    return perField;
  }

  private static Analyzer withoutDigits(Analyzer analyzer) {
    return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return analyzer;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(),
            new RadarAnalyzer.WithoutDigits(components.getTokenStream()));
      }
    };
  }
}
