package org.rapporteur.initiative;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.rapporteur.index.SubjectAnalyzers;
import org.rapporteur.index.TermVectors;
import org.rapporteur.index.TermVectors.Comparison;
import org.rapporteur.index.TermVectors.Vector;

/**
 * The similarity index's queries, blocking, so {@link SimilarProjects} runs them on the index's
 * reader pool. Candidates of other regions come from MoreLikeThis over each language the project has
 * text in, its tags, and the projects it replicates or that replicate it; each is then scored by
 * the cosine of the TF-IDF vectors of the texts in their best shared language, blended with the
 * cosine of their tag vectors (a rare shared tag weighs more than 9.c, which half the projects carry).
 */
final class ProjectSimilarity {
  /** The share of the score that the SDG/WSIS tags make; the texts make the rest. */
  static final double TAG_WEIGHT = 0.2;
  private static final int CANDIDATES = 50;
  private static final int QUERY_TERMS = 30;
  private static final int SHARED_TERMS = 6;
  private static final int SYNERGIES_PER_PROJECT = 5;

  private final Analyzer analyzer;

  ProjectSimilarity(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The projects of other regions alike the project {@code id}, best first; null when the index lacks it. */
  List<SimilarMatch> similar(IndexSearcher searcher, String id, boolean includeUnpublished, double minScore)
      throws IOException {
    ScoreDoc[] found = searcher.search(new TermQuery(new Term(ProjectIndexMapper.ID, id)), 1).scoreDocs;
    return found.length == 0 ? null : similar(searcher, found[0].doc, includeUnpublished, minScore);
  }

  private List<SimilarMatch> similar(IndexSearcher searcher, int doc, boolean includeUnpublished, double minScore)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Document stored = searcher.storedFields().document(doc);
    SimilarMatch.Summary me = SimilarMatch.Summary.of(stored);
    Map<String, Vector> texts = new LinkedHashMap<>();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String language : stored.getValues(ProjectIndexMapper.LANGUAGES)) {
      String field = SubjectAnalyzers.field(language);
      String content = stored.get(field);
      texts.put(language, TermVectors.analyze(analyzer, content, field, reader));
      any.add(TermVectors.like(reader, analyzer, field, content, SubjectAnalyzers.minWordLength(language),
          QUERY_TERMS), Occur.SHOULD);
    }
    Map<String, Double> tags = TermVectors.vectorOf(reader, ProjectIndexMapper.TAGS, doc);
    tags.keySet().forEach(tag -> any.add(new TermQuery(new Term(ProjectIndexMapper.TAGS, tag)), Occur.SHOULD));
    if (me.replicatedFrom() != null) {
      any.add(new TermQuery(new Term(ProjectIndexMapper.ID, me.replicatedFrom())), Occur.SHOULD);
    }
    any.add(new TermQuery(new Term(ProjectIndexMapper.REPLICATED_FROM, me.id())), Occur.SHOULD);
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(any.build(), Occur.MUST)
        .add(new TermQuery(new Term(ProjectIndexMapper.REGION, me.region())), Occur.MUST_NOT);
    if (!includeUnpublished) {
      query.add(new TermQuery(new Term(ProjectIndexMapper.PUBLISHED, "true")), Occur.FILTER);
    }
    Vector myTags = new Vector(tags, Map.of());
    List<SimilarMatch> matches = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query.build(), CANDIDATES).scoreDocs) {
      SimilarMatch match = compare(reader, texts, myTags, me, hit.doc, searcher.storedFields().document(hit.doc));
      if (match.score() >= minScore || match.replication() != null) {
        matches.add(match);
      }
    }
    matches.sort(Comparator.comparingDouble(SimilarMatch::score).reversed());
    return matches;
  }

  private static SimilarMatch compare(IndexReader reader, Map<String, Vector> texts, Vector tags,
      SimilarMatch.Summary me, int doc, Document stored) throws IOException {
    Comparison best = new Comparison(0, List.of());
    for (Map.Entry<String, Vector> text : texts.entrySet()) {
      Map<String, Double> theirs = TermVectors.vectorOf(reader, SubjectAnalyzers.field(text.getKey()), doc);
      Comparison c = theirs.isEmpty() ? best : TermVectors.compare(text.getValue(), theirs, SHARED_TERMS);
      if (c.score() > best.score()) {
        best = c;
      }
    }
    Comparison shared = TermVectors.compare(tags, TermVectors.vectorOf(reader, ProjectIndexMapper.TAGS, doc),
        Integer.MAX_VALUE);
    SimilarMatch.Summary other = SimilarMatch.Summary.of(stored);
    String replication = other.id().equals(me.replicatedFrom()) ? SimilarMatch.SOURCE
        : me.id().equals(other.replicatedFrom()) ? SimilarMatch.REPLICA : null;
    double score = (1 - TAG_WEIGHT) * best.score() + TAG_WEIGHT * shared.score();
    return new SimilarMatch(other, score, best.sharedTerms(), shared.sharedTerms(), replication);
  }

  /**
   * The strongest pairs of projects of different regions in the whole index, each pair once: one
   * query per project, so {@link SimilarProjects} keeps the answer until the index changes.
   */
  List<SimilarMatch.Pair> synergies(IndexSearcher searcher, double minScore) throws IOException {
    Map<String, SimilarMatch.Pair> pairs = new HashMap<>();
    int all = Math.max(1, searcher.getIndexReader().numDocs());
    for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), all).scoreDocs) {
      SimilarMatch.Summary me = SimilarMatch.Summary.of(searcher.storedFields().document(hit.doc));
      List<SimilarMatch> alike = similar(searcher, hit.doc, true, minScore);
      for (SimilarMatch m : alike.subList(0, Math.min(SYNERGIES_PER_PROJECT, alike.size()))) {
        if (m.score() < minScore) {
          continue;
        }
        boolean ordered = me.id().compareTo(m.project().id()) < 0;
        pairs.putIfAbsent(ordered ? me.id() + "|" + m.project().id() : m.project().id() + "|" + me.id(),
            new SimilarMatch.Pair(ordered ? me : m.project(), ordered ? m.project() : me, m.score(), m.sharedTerms(),
                m.sharedTags()));
      }
    }
    return pairs.values().stream().sorted(Comparator.comparingDouble(SimilarMatch.Pair::score).reversed()
        .thenComparing(p -> p.a().id() + p.b().id())).toList();
  }
}
