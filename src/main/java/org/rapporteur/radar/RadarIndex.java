package org.rapporteur.radar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.rapporteur.index.IndexChange;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.index.LuceneIndex;
import org.rapporteur.index.SubjectAnalyzers;
import org.rapporteur.index.TermVectors;

/**
 * The duplication radar's Lucene index: blocking, so {@link RadarService} calls it on worker
 * threads. Candidates come from MoreLikeThis (BM25) restricted to the other sector; they are then
 * ranked by the cosine similarity of TF-IDF vectors ({@link TermVectors}), and the terms that weigh
 * most in that product are reported as shared key terms.
 * Each document is analysed in its language (see {@link RadarLanguage}) into that language's field,
 * and a query is compared only with documents of its own language.
 */
public final class RadarIndex implements AutoCloseable {
  static final String KEY = "key";
  static final String LANGUAGE = "language";
  /** Written with every commit; an index of another schema is emptied at start, so the service rebuilds it. */
  static final Map<String, String> SCHEMA = Map.of("radar.schema", "2-per-language");
  private static final int CANDIDATES = 30;
  private static final int SHARED_TERMS = 6;
  private static final FieldType TEXT_TYPE = textType();
  /** Words every ITU text in English uses: they say nothing about the subject. */
  private static final List<String> BOILERPLATE = List.of("itu", "itu-d", "itu-t", "ict", "icts", "telecommunication",
      "telecommunications", "question", "questions", "study", "group", "groups", "sg", "liaison", "statement", "ls",
      "sector", "member", "states", "developing", "countries", "country", "regional", "region", "work", "including",
      "also", "please", "kindly", "invite", "invited", "inform", "thank", "would", "like", "information", "action",
      "comment", "comments", "meeting", "reply", "response", "rapporteur", "from", "about", "with", "between", "among",
      "its", "their", "our", "other", "more", "new", "use", "used", "using", "within", "under", "how", "what", "which");

  private final LuceneIndex lucene;
  private final Analyzer analyzer;
  private List<RadarPair> cachedOverlaps;
  private long overlapsVersion = -1;

  /** The radar's queries over an index the {@link IndexPipeline} opened with {@link #analyzer()} and {@link #SCHEMA}. */
  RadarIndex(LuceneIndex lucene, Analyzer analyzer) {
    this.lucene = lucene;
    this.analyzer = analyzer;
  }

  /** Opens (or creates) the index in {@code dir}, without a pipeline (for tests and tools). */
  public static RadarIndex open(Path dir) {
    Analyzer analyzer = analyzer();
    return new RadarIndex(LuceneIndex.open(dir, analyzer, SCHEMA), analyzer);
  }

  static Analyzer analyzer() {
    return new SubjectAnalyzers(BOILERPLATE).perField();
  }

  private static FieldType textType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setStored(true);
    type.setStoreTermVectors(true);
    type.freeze();
    return type;
  }

  public int size() {
    return lucene.size();
  }

  /** Adds or replaces one document (by its key) and makes it searchable. */
  public void index(RadarDocument doc) {
    indexAll(List.of(doc));
  }

  public void indexAll(List<RadarDocument> docs) {
    lucene.apply(docs.stream().map(RadarIndex::upsert).toList());
  }

  public void remove(String key) {
    lucene.apply(List.of(removal(key)));
  }

  static IndexChange upsert(RadarDocument doc) {
    return IndexChange.upsert(new Term(KEY, doc.key()), toLucene(doc));
  }

  static IndexChange removal(String key) {
    return IndexChange.delete(new Term(KEY, key));
  }

  private static Document toLucene(RadarDocument d) {
    Document doc = new Document();
    doc.add(new StringField(KEY, d.key(), Field.Store.YES));
    doc.add(new StringField("kind", d.kind(), Field.Store.YES));
    doc.add(new StringField("sector", d.sector(), Field.Store.YES));
    doc.add(new StoredField("sourceId", d.sourceId()));
    doc.add(new StoredField("groupId", nonNull(d.groupId())));
    doc.add(new StoredField("groupCode", nonNull(d.groupCode())));
    doc.add(new StoredField("ref", nonNull(d.ref())));
    doc.add(new StoredField("title", d.title()));
    doc.add(new StoredField("body", nonNull(d.text())));
    doc.add(new StoredField("family", nonNull(d.family())));
    String language = RadarLanguage.choose(d.language(), d.content());
    doc.add(new StringField(LANGUAGE, language, Field.Store.YES));
    doc.add(new Field(SubjectAnalyzers.field(language), d.content(), TEXT_TYPE));
    return doc;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static RadarDocument fromLucene(Document doc) {
    return new RadarDocument(doc.get("kind"), doc.get("sourceId"), doc.get("sector"), blankToNull(doc.get("groupId")),
        blankToNull(doc.get("groupCode")), blankToNull(doc.get("ref")), doc.get("title"), blankToNull(doc.get("body")),
        blankToNull(doc.get("family")), doc.get(LANGUAGE));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Every document in the index (for rebuild checks and the overview). */
  public List<RadarDocument> all() {
    return lucene.read(searcher -> {
      List<RadarDocument> out = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), Math.max(1, size())).scoreDocs) {
        out.add(fromLucene(searcher.storedFields().document(hit.doc)));
      }
      return out;
    });
  }

  /**
   * The documents of other sectors most similar to {@code title + text}, best first; the text's
   * language is guessed from its script.
   *
   * @param excluded documents not to return (the one asked about, its thread)
   */
  public List<RadarMatch> similar(String title, String text, String sector, Collection<String> excluded, int limit) {
    return similar(title, text, null, sector, excluded, limit);
  }

  /** As {@link #similar(String, String, String, Collection, int)}, for a text in a declared language (or null). */
  public List<RadarMatch> similar(String title, String text, String language, String sector,
      Collection<String> excluded, int limit) {
    String content = text == null || text.isBlank() ? title : title + "\n" + text;
    return lucene.read(searcher -> similar(searcher, content, RadarLanguage.choose(language, content), sector,
        excluded, limit));
  }

  /**
   * The strongest cross-sector overlaps in the whole index, each pair once. This asks one query per
   * document, so the pairs are kept until the index changes.
   */
  public List<RadarPair> overlaps(int limit, double minScore) {
    return allOverlaps().stream().filter(p -> p.score() >= minScore).limit(limit).toList();
  }

  private synchronized List<RadarPair> allOverlaps() {
    return lucene.read(searcher -> {
      long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
      if (overlapsVersion != version || cachedOverlaps == null) {
        cachedOverlaps = computeOverlaps(searcher);
        overlapsVersion = version;
      }
      return cachedOverlaps;
    });
  }

  private List<RadarPair> computeOverlaps(IndexSearcher searcher) throws IOException {
    Map<String, RadarPair> pairs = new HashMap<>();
    for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), Math.max(1, size())).scoreDocs) {
      RadarDocument doc = fromLucene(searcher.storedFields().document(hit.doc));
      for (RadarMatch match : similar(searcher, doc.content(), doc.language(), doc.sector(), List.of(doc.key()), 4)) {
        if (doc.sameFamily(match.document())) {
          continue;
        }
        boolean ordered = doc.key().compareTo(match.document().key()) < 0;
        RadarDocument a = ordered ? doc : match.document();
        RadarDocument b = ordered ? match.document() : doc;
        pairs.putIfAbsent(a.key() + "|" + b.key(), new RadarPair(a, b, match.score(), match.sharedTerms()));
      }
    }
    return pairs.values().stream().sorted(Comparator.comparingDouble(RadarPair::score).reversed()).toList();
  }


  private List<RadarMatch> similar(IndexSearcher searcher, String content, String language, String sector,
      Collection<String> excluded, int limit) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    String field = SubjectAnalyzers.field(language);
    if (reader.getDocCount(field) == 0) {
      return List.of();
    }
    Query like = TermVectors.like(reader, analyzer, field, content, SubjectAnalyzers.minWordLength(language), 30);
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(like, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("sector", sector)), BooleanClause.Occur.MUST_NOT);
    for (String key : excluded) {
      query.add(new TermQuery(new Term(KEY, key)), BooleanClause.Occur.MUST_NOT);
    }
    TermVectors.Vector mine = TermVectors.analyze(analyzer, content, field, reader);
    List<RadarMatch> matches = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query.build(), CANDIDATES).scoreDocs) {
      TermVectors.Comparison c = TermVectors.compare(mine, TermVectors.vectorOf(reader, field, hit.doc), SHARED_TERMS);
      matches.add(new RadarMatch(fromLucene(searcher.storedFields().document(hit.doc)), c.score(), c.sharedTerms()));
    }
    return matches.stream().sorted(Comparator.comparingDouble(RadarMatch::score).reversed()).limit(limit).toList();
  }

  @Override
  public void close() {
    lucene.close();
  }
}
