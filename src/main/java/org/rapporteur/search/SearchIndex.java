package org.rapporteur.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.rapporteur.index.LuceneIndex;
import org.rapporteur.platform.errors.InvalidInputException;

/**
 * Queries of the contributions' index: one query analysed in every language, filtered to the groups
 * the asker reads, with highlighted snippets. A query is bounded before it runs (words, and the index
 * terms fuzzy and prefix words expand to, within Lucene's clause limit), so a hostile one is refused
 * as too broad instead of failing or tying up a reader thread. Blocking: run on the reader threads.
 */
final class SearchIndex {
  private final SearchConfig bounds;
  /** The index's own analyzer ({@link Analyzers#perField()}), once its pipeline has built it. */
  private final Supplier<Analyzer> analyzer;

  SearchIndex(SearchConfig bounds, Supplier<Analyzer> analyzer) {
    this.bounds = bounds;
    this.analyzer = analyzer;
  }

  SearchResults search(LuceneIndex index, Query parsed, SearchQuery q, Collection<String> readableGroups) {
    Query query = filtered(parsed, q, readableGroups);
    try {
      return index.read(searcher -> search(searcher, query, q));
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooBroad();
    }
  }

  /**
   * The query is rewritten once, its fuzzy and prefix words into the index terms they stand for, so
   * that the highlighter marks those terms from the postings' offsets instead of running each word's
   * automaton over every hit's text again.
   */
  private SearchResults search(IndexSearcher searcher, Query original, SearchQuery q) throws IOException {
    Query query = searcher.rewrite(original);
    TopDocs top = searcher.search(query, q.offset() + q.limit());
    ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(q.offset(), top.scoreDocs.length),
        top.scoreDocs.length);
    Map<String, String[]> snippets = highlight(searcher, query, new TopDocs(top.totalHits, page));
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      hits.add(hit(searcher.storedFields().document(page[i].doc), page[i].score, snippet(snippets, i)));
    }
    return new SearchResults(top.totalHits.value, q.offset(), q.limit(), hits);
  }

  /** The query in every language and the metadata field, or 400 naming {@code q} when it is too broad. */
  Query parse(String text) {
    if (QueryCost.leaves(new SimpleQueryParser(new WhitespaceAnalyzer(), "q").parse(text)) > bounds.maxQueryTerms()) {
      throw InvalidInputException.of("q", "has more than " + bounds.maxQueryTerms() + " words");
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String language : Analyzers.LANGUAGES) {
      any.add(new BoundedQueryParser(analyzer.get(), Map.of(Analyzers.titleField(language), 2f,
          Analyzers.textField(language), 1f), bounds.maxTermExpansions()).parse(text), Occur.SHOULD);
    }
    Query meta = new BoundedQueryParser(analyzer.get(), Map.of("meta", 1f),
        bounds.maxTermExpansions()).parse(text);
    any.add(new BoostQuery(meta, 3f), Occur.SHOULD);
    Query query = any.build();
    if (QueryCost.clauses(query, bounds.maxTermExpansions()) > IndexSearcher.getMaxClauseCount()) {
      throw tooBroad();
    }
    return query;
  }

  private static InvalidInputException tooBroad() {
    return InvalidInputException.of("q", "is too broad: use fewer fuzzy or prefix words, or fewer words");
  }

  private static Query filtered(Query query, SearchQuery q, Collection<String> readableGroups) {
    if (readableGroups.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
    builder.add(new TermInSetQuery("groupId", readableGroups.stream().map(BytesRef::new).toList()), Occur.FILTER);
    addFilter(builder, "groupId", q.groupId());
    addFilter(builder, "question", q.question());
    addFilter(builder, "meetingId", q.meetingId());
    addFilter(builder, "status", q.status());
    addFilter(builder, "language", q.language());
    return builder.build();
  }

  private static void addFilter(BooleanQuery.Builder builder, String field, String value) {
    if (value != null) {
      builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  private Map<String, String[]> highlight(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer.get())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxLength(1_000_000)
        .build();
    String[] fields = Analyzers.LANGUAGES.stream().map(Analyzers::textField).toArray(String[]::new);
    int[] passages = new int[fields.length];
    Arrays.fill(passages, 2);
    return highlighter.highlightFields(fields, query, docs, passages);
  }

  private static String snippet(Map<String, String[]> snippets, int index) {
    for (String[] values : snippets.values()) {
      if (values[index] != null && !values[index].isBlank()) {
        return values[index];
      }
    }
    return null;
  }

  private static SearchHit hit(Document doc, float score, String snippet) {
    String language = doc.get("language");
    return new SearchHit(doc.get("id"), doc.get("number"), doc.get(Analyzers.titleField(language)),
        doc.get("groupId"), doc.get("status"), language, Arrays.asList(doc.getValues("question")), score, snippet);
  }
}
