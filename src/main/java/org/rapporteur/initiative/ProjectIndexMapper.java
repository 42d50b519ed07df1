package org.rapporteur.initiative;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.rapporteur.index.IndexChange;
import org.rapporteur.index.LanguageAnalyzers;
import org.rapporteur.index.SubjectAnalyzers;

/**
 * A project's place in the similarity index, from its change event alone: in each language it has
 * text in, one field ({@code text_fr}, ...) holding its title, objective (description), results and
 * lessons, analysed by that language's rules; its SDG targets and WSIS lines as tags; what a result
 * row shows (code, title, region, status). A deleted project leaves the index; an unpublished one
 * stays, marked, for the secretariat and for its own managers' questions.
 */
final class ProjectIndexMapper {
  static final String ID = "id";
  static final String REGION = "region";
  static final String PUBLISHED = "published";
  static final String REPLICATED_FROM = "replicatedFrom";
  static final String TAGS = "tags";
  static final String CODE = "code";
  static final String STATUS = "status";
  static final String TITLE = "title";
  static final String LANGUAGES = "languages";
  private static final FieldType TEXT = fieldType(true);
  private static final FieldType TAG = fieldType(false);

  private ProjectIndexMapper() {}

  private static FieldType fieldType(boolean tokenized) {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(tokenized);
    type.setStored(tokenized);
    type.setStoreTermVectors(true);
    type.setOmitNorms(!tokenized);
    type.freeze();
    return type;
  }

  static IndexChange change(ProjectChanged p) {
    Term key = new Term(ID, p.id());
    return p.deleted() ? IndexChange.delete(key) : IndexChange.upsert(key, document(p));
  }

  private static Document document(ProjectChanged p) {
    Document doc = new Document();
    doc.add(new StringField(ID, p.id(), Field.Store.YES));
    doc.add(new StringField(REGION, p.region(), Field.Store.YES));
    doc.add(new StringField(PUBLISHED, String.valueOf(p.published()), Field.Store.YES));
    if (p.replicatedFrom() != null) {
      doc.add(new StringField(REPLICATED_FROM, p.replicatedFrom(), Field.Store.YES));
    }
    doc.add(new StoredField(CODE, p.code()));
    doc.add(new StoredField(STATUS, p.status()));
    doc.add(new StoredField(TITLE, new Text(p.originalLanguage(), p.title()).toDocument().encode()));
    tags(p).forEach(tag -> doc.add(new Field(TAGS, tag, TAG)));
    for (String language : LanguageAnalyzers.LANGUAGES) {
      String content = content(p, language);
      if (!content.isBlank()) {
        doc.add(new StoredField(LANGUAGES, language));
        doc.add(new Field(SubjectAnalyzers.field(language), content, TEXT));
      }
    }
    return doc;
  }

  /** SDG targets and WSIS lines as one set of tags: their forms (9.c, C5) never meet. */
  static Set<String> tags(ProjectChanged p) {
    Set<String> tags = new LinkedHashSet<>(p.sdgTargets());
    tags.addAll(p.wsisLines());
    return tags;
  }

  private static String content(ProjectChanged p, String language) {
    StringBuilder out = new StringBuilder();
    for (Map<String, String> part : List.of(p.title(), p.description(), p.results(), p.lessons())) {
      String text = part.get(language);
      if (text != null && !text.isBlank()) {
        out.append(text).append('\n');
      }
    }
    return out.toString();
  }
}
