package org.rapporteur.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;

/** One write to an index: a document replacing the one with the same key, or the removal of that key. */
public sealed interface IndexChange {
  Term key();

  static IndexChange upsert(Term key, Document document) {
    return new Upsert(key, document);
  }

  static IndexChange delete(Term key) {
    return new Delete(key);
  }

  record Upsert(Term key, Document document) implements IndexChange {}

  record Delete(Term key) implements IndexChange {}
}
