package org.rapporteur.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.rapporteur.contribution.Contribution;

/** The Lucene index of contributions. Blocking: call it only from the search worker threads. */
final class SearchIndex implements AutoCloseable {
  private final Analyzers analyzers = new Analyzers();
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final boolean existed;

  SearchIndex(Path dir) throws IOException {
    directory = FSDirectory.open(dir);
    existed = DirectoryReader.indexExists(directory);
    writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    searchers = new SearcherManager(writer, null);
  }

  /** False when the index was created empty at start-up, so it must be rebuilt from the database. */
  boolean existed() {
    return existed;
  }

  void upsert(Contribution c, String text) throws IOException {
    writer.updateDocument(new Term("id", c.id()), document(c, text));
  }

  void delete(String id) throws IOException {
    writer.deleteDocuments(new Term("id", id));
  }

  void deleteAll() throws IOException {
    writer.deleteAll();
  }

  void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private Document document(Contribution c, String text) {
    String language = Analyzers.languageOf(c.current().extraction().language());
    Document doc = new Document();
    doc.add(new StringField("id", c.id(), Field.Store.YES));
    doc.add(new StringField("groupId", c.groupId(), Field.Store.YES));
    doc.add(new StringField("status", c.status().wire(), Field.Store.YES));
    doc.add(new StringField("language", language, Field.Store.YES));
    if (c.meetingId() != null) {
      doc.add(new StringField("meetingId", c.meetingId(), Field.Store.NO));
    }
    for (String question : c.questions()) {
      doc.add(new StringField("question", question, Field.Store.YES));
    }
    doc.add(new TextField("meta", c.number() + " " + c.source() + " " + String.join(" ", c.questions()), Field.Store.NO));
    doc.add(new StoredField("number", c.number()));
    doc.add(new TextField(Analyzers.titleField(language), c.title(), Field.Store.YES));
    doc.add(new TextField(Analyzers.textField(language), text == null ? "" : text, Field.Store.YES));
    return doc;
  }

  SearchResults search(SearchQuery q, Collection<String> readableGroups) throws IOException {
    Query query = filtered(parse(q.text()), q, readableGroups);
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(query, q.offset() + q.limit());
      ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(q.offset(), top.scoreDocs.length),
          top.scoreDocs.length);
      TopDocs pageDocs = new TopDocs(top.totalHits, page);
      Map<String, String[]> snippets = highlight(searcher, query, pageDocs);
      List<SearchHit> hits = new ArrayList<>();
      for (int i = 0; i < page.length; i++) {
        hits.add(hit(searcher.storedFields().document(page[i].doc), page[i].score, snippet(snippets, i)));
      }
      return new SearchResults(top.totalHits.value, q.offset(), q.limit(), hits);
    } finally {
      searchers.release(searcher);
    }
  }

  private Query parse(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String language : Analyzers.LANGUAGES) {
      SimpleQueryParser parser = new SimpleQueryParser(analyzers.forLanguage(language),
          Map.of(Analyzers.titleField(language), 2f, Analyzers.textField(language), 1f));
      parser.setDefaultOperator(Occur.MUST);
      any.add(parser.parse(text), Occur.SHOULD);
    }
    SimpleQueryParser meta = new SimpleQueryParser(analyzers.forLanguage(Analyzers.STANDARD), "meta");
    meta.setDefaultOperator(Occur.MUST);
    any.add(new org.apache.lucene.search.BoostQuery(meta.parse(text), 3f), Occur.SHOULD);
    return any.build();
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
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.perField())
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

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
