package org.rapporteur.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analysis for comparing subjects, one field per language ({@code text_fr}, ...) so that
 * MoreLikeThis and the TF-IDF vectors of {@link TermVectors} only ever compare texts of one
 * language. English is analysed as Lucene's EnglishAnalyzer does it, without the words under three
 * letters and without the index's own boilerplate (words every text of its kind uses); the other UN
 * languages use {@link LanguageAnalyzers}. Every language drops tokens with digits: numbers and
 * codes (Q4/1, SG3RG, 2026) say nothing about a subject.
 */
public final class SubjectAnalyzers {
  private final PerFieldAnalyzerWrapper perField;

  /** With {@code englishBoilerplate} dropped from English texts besides the usual stop words. */
  public SubjectAnalyzers(Collection<String> englishBoilerplate) {
    CharArraySet stops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stops.addAll(englishBoilerplate);
    Analyzer english = new English(stops);
    LanguageAnalyzers shared = new LanguageAnalyzers();
    Map<String, Analyzer> fields = new HashMap<>();
    for (String language : LanguageAnalyzers.LANGUAGES) {
      fields.put(field(language), language.equals("en") ? english : withoutDigits(shared.forLanguage(language)));
    }
    perField = new PerFieldAnalyzerWrapper(english, fields);
  }

  /** The field that holds texts of {@code language}. */
  public static String field(String language) {
    return "text_" + language;
  }

  /** Chinese words are one or two characters long; elsewhere such short tokens are rarely a subject. */
  public static int minWordLength(String language) {
    return switch (language) {
      case "zh" -> 1;
      case "en" -> 3;
      default -> 2;
    };
  }

  /** The analyzer to open an index with: it picks the language by the field. */
  public Analyzer perField() {
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
        return new TokenStreamComponents(components.getSource(), new WithoutDigits(components.getTokenStream()));
      }
    };
  }

  private static final class English extends Analyzer {
    private final CharArraySet stopWords;

    English(CharArraySet stopWords) {
      this.stopWords = stopWords;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new WithoutDigits(result);
      result = new LengthFilter(result, 3, 40);
      result = new StopFilter(result, stopWords);
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  private static final class WithoutDigits extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    WithoutDigits(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      for (int i = 0; i < term.length(); i++) {
        if (Character.isDigit(term.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
