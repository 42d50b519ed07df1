/**
 * One Lucene pipeline for every derived index (full-text search, the duplication radar, the regional
 * projects' similar work): opening and closing an index, one writer thread and a small reader pool,
 * rebuilding from the system of record, and following changes. Beside it, what the similarity
 * queries share: the UN languages' analyzers ({@link org.rapporteur.index.LanguageAnalyzers}),
 * subject analysis with one field per language ({@link org.rapporteur.index.SubjectAnalyzers}) and
 * the TF-IDF cosine with its shared key terms ({@link org.rapporteur.index.TermVectors}).
 *
 * <p>It is fed, never fetching: a feature publishes typed events on the event bus carrying everything
 * an index needs (see {@code platform/events}), which the durable change feed in MongoDB takes in
 * so that every node's index follows it from its own cursor, and the composition root hands each pipeline a
 * {@link org.rapporteur.index.RebuildSource} that pages through the feature's records. An index never
 * calls back into a feature's service for the rest of a record: a call back would make the index
 * depend on the feature it serves, let two lookups of one record race and land out of order, and tie
 * every index to one process. So this package imports no feature, and the indexes built on it
 * ({@code search}, {@code radar}) import nothing of the features they index; the projects' index,
 * inside the initiative feature, reads nothing but {@code ProjectChanged} events and pages of them.
 */
package org.rapporteur.index;
