package org.rapporteur.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.rapporteur.index.IndexChange;
import org.rapporteur.platform.events.ContributionChanged;

/** The search index's schema: how a changed contribution becomes its document. */
final class SearchDocuments {
  static final String ID = "id";
  /**
   * Title and text keep their offsets in the postings, so snippets are cut from them instead of
   * analysing each hit's text again (up to a million characters) for every search.
   */
  private static final FieldType TEXT = textType();

  private SearchDocuments() {}

  /** Withdrawn contributions stay findable (the status filter tells them apart); deleted ones leave. */
  static IndexChange change(ContributionChanged c) {
    Term key = new Term(ID, c.id());
    return c.deleted() ? IndexChange.delete(key) : IndexChange.upsert(key, document(c));
  }

  private static FieldType textType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static Document document(ContributionChanged c) {
    String language = Analyzers.languageOf(c.language());
    Document doc = new Document();
    doc.add(new StringField(ID, c.id(), Field.Store.YES));
    doc.add(new StringField("groupId", c.groupId(), Field.Store.YES));
    doc.add(new StringField("status", c.status(), Field.Store.YES));
    doc.add(new StringField("language", language, Field.Store.YES));
    if (c.meetingId() != null) {
      doc.add(new StringField("meetingId", c.meetingId(), Field.Store.NO));
    }
    for (String question : c.questions()) {
      doc.add(new StringField("question", question, Field.Store.YES));
    }
    doc.add(new TextField("meta", c.number() + " " + c.source() + " " + String.join(" ", c.questions()), Field.Store.NO));
    doc.add(new StoredField("number", c.number()));
    doc.add(new Field(Analyzers.titleField(language), c.title(), TEXT));
    doc.add(new Field(Analyzers.textField(language), c.text(), TEXT));
    return doc;
  }
}
