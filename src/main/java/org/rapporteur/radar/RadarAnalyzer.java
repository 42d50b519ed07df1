package org.rapporteur.radar;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis as Lucene's EnglishAnalyzer does it, without the tokens that say nothing about
 * a subject: numbers and codes with digits (Q4/1, SG3RG, 2026), words under three letters and ITU
 * boilerplate.
 */
final class RadarAnalyzer extends Analyzer {
  private final CharArraySet stopWords;

  RadarAnalyzer(CharArraySet stopWords) {
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

  /** Drops tokens with a digit: numbers and codes (Q4/1, SG3RG, 2026) say nothing about a subject. */
  static final class WithoutDigits extends FilteringTokenFilter {
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
