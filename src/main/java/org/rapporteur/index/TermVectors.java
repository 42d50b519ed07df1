package org.rapporteur.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Similarity of texts as the cosine of their TF-IDF vectors, which lies between 0 and 1 and so
 * compares across queries (a BM25 score does not), with the terms that weigh most in it as the
 * "shared key terms". Candidates come from {@link #like}: MoreLikeThis over one field. The idf
 * counts the documents that have the field only, so each language (each field) has its own.
 * Stored documents' vectors come from their term vectors: a field compared here is indexed with them.
 */
public final class TermVectors {
  private TermVectors() {}

  /** Weights (1 + log tf) * idf, and the first surface form of each term, for showing shared terms. */
  public record Vector(Map<String, Double> weights, Map<String, String> surface) {}

  /** A similarity and the terms that contribute most to it, as the asking text spells them. */
  public record Comparison(double score, List<String> sharedTerms) {}

  /** A MoreLikeThis query for documents whose {@code field} resembles {@code content}. */
  public static Query like(IndexReader reader, Analyzer analyzer, String field, String content, int minWordLength,
      int maxTerms) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {field});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(minWordLength);
    mlt.setMaxQueryTerms(maxTerms);
    return mlt.like(field, new StringReader(content));
  }

  /** The vector of a text that is not (or not yet) in the index, analysed as {@code field} is. */
  public static Vector analyze(Analyzer analyzer, String content, String field, IndexReader reader)
      throws IOException {
    Map<String, Integer> freqs = new LinkedHashMap<>();
    Map<String, String> surface = new HashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(field, content)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String stem = term.toString();
        freqs.merge(stem, 1, Integer::sum);
        surface.putIfAbsent(stem, content.substring(offset.startOffset(), offset.endOffset()).toLowerCase());
      }
      tokens.end();
    }
    Map<String, Double> weights = new HashMap<>();
    for (Map.Entry<String, Integer> e : freqs.entrySet()) {
      weights.put(e.getKey(), weight(e.getValue(), reader, field, e.getKey()));
    }
    return new Vector(weights, surface);
  }

  /** The vector of a stored document's {@code field}, from its term vector (empty when it has none). */
  public static Map<String, Double> vectorOf(IndexReader reader, String field, int doc) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    Terms terms = reader.termVectors().get(doc, field);
    if (terms == null) {
      return weights;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef term = it.next(); term != null; term = it.next()) {
      String text = term.utf8ToString();
      weights.put(text, weight(it.totalTermFreq(), reader, field, text));
    }
    return weights;
  }

  private static double weight(long tf, IndexReader reader, String field, String term) throws IOException {
    int df = reader.docFreq(new Term(field, term));
    int n = reader.getDocCount(field);
    double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return (1 + Math.log(tf)) * idf;
  }

  /** The cosine of the two vectors, and at most {@code sharedTerms} terms that weigh most in it. */
  public static Comparison compare(Vector mine, Map<String, Double> theirs, int sharedTerms) {
    double dot = 0;
    Map<String, Double> contributions = new HashMap<>();
    for (Map.Entry<String, Double> e : mine.weights().entrySet()) {
      Double other = theirs.get(e.getKey());
      if (other != null) {
        double product = e.getValue() * other;
        dot += product;
        contributions.put(e.getKey(), product);
      }
    }
    double norms = norm(mine.weights()) * norm(theirs);
    double score = norms == 0 ? 0 : dot / norms;
    List<String> shared = contributions.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(sharedTerms)
        .map(e -> mine.surface().getOrDefault(e.getKey(), e.getKey()))
        .toList();
    return new Comparison(score, shared);
  }

  private static double norm(Map<String, Double> weights) {
    double sum = 0;
    for (double w : weights.values()) {
      sum += w * w;
    }
    return Math.sqrt(sum);
  }
}
