package org.rapporteur.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The simple query syntax (words, {@code "phrases"}, {@code word~2}, {@code prefix*}, {@code |},
 * {@code -}, parentheses) with every fuzzy and prefix word expanded to at most {@code maxExpansions}
 * index terms, its best ones, so that no word can stand for a large part of the dictionary; fuzzy
 * words get the edits their length warrants (see {@link #edits}).
 */
final class BoundedQueryParser extends SimpleQueryParser {
  private final int maxExpansions;

  BoundedQueryParser(Analyzer analyzer, Map<String, Float> weights, int maxExpansions) {
    super(analyzer, weights);
    this.maxExpansions = maxExpansions;
    setDefaultOperator(BooleanClause.Occur.MUST);
  }

  @Override
  protected Query newFuzzyQuery(String text, int fuzziness) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> field : weights.entrySet()) {
      Term term = new Term(field.getKey(), normalized(field.getKey(), text));
      any.add(boosted(new FuzzyQuery(term, edits(text, fuzziness), 1, maxExpansions, true), field.getValue()),
          BooleanClause.Occur.SHOULD);
    }
    return simplify(any.build());
  }

  @Override
  protected Query newPrefixQuery(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> field : weights.entrySet()) {
      Term term = new Term(field.getKey(), normalized(field.getKey(), text));
      any.add(boosted(new PrefixQuery(term, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(maxExpansions)),
          field.getValue()), BooleanClause.Occur.SHOULD);
    }
    return simplify(any.build());
  }

  /**
   * Edits allowed as the word's length allows them: none up to two letters, one up to five, two
   * beyond. A short word with two edits matches most of the dictionary, and its automaton is the
   * costliest part of the query; the first letter must match, which cuts the terms walked by an
   * order of magnitude.
   */
  static int edits(String word, int asked) {
    int length = word.codePointCount(0, word.length());
    return Math.min(asked, length <= 2 ? 0 : length <= 5 ? 1 : 2);
  }

  private BytesRef normalized(String field, String text) {
    return getAnalyzer().normalize(field, text);
  }

  private static Query boosted(Query query, float boost) {
    return boost == 1f ? query : new BoostQuery(query, boost);
  }
}
