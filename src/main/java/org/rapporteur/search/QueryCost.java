package org.rapporteur.search;

import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Counts what a parsed query will cost before it runs: its leaves (words and phrases, in every field
 * they are searched in) and the index terms its fuzzy and prefix leaves may expand to. The automata
 * of fuzzy leaves are never built here.
 */
final class QueryCost extends QueryVisitor {
  private final int expansions;
  private int leaves;
  private long clauses;

  private QueryCost(int expansions) {
    this.expansions = expansions;
  }

  /** Leaves of the query, counting each expanding one once. */
  static int leaves(Query query) {
    QueryCost cost = new QueryCost(1);
    query.visit(cost);
    return cost.leaves;
  }

  /** Boolean clauses the query becomes once each expanding leaf is rewritten into its index terms. */
  static long clauses(Query query, int expansions) {
    QueryCost cost = new QueryCost(expansions);
    query.visit(cost);
    return cost.clauses;
  }

  @Override
  public void consumeTerms(Query query, Term... terms) {
    leaves++;
    clauses++;
  }

  @Override
  public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
    leaves++;
    clauses += expansions;
  }

  @Override
  public void visitLeaf(Query query) {
    leaves++;
    clauses++;
  }

  /** Excluded words cost as much as wanted ones. */
  @Override
  public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
    return this;
  }
}
