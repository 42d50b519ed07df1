package org.rapporteur.liaison;

/** What other features plug into liaison statements: agenda proposals and live notification pushes. */
public record LiaisonHooks(AgendaProposals agendaProposals, Notifier notifier) {
  public static LiaisonHooks defaults() {
    return new LiaisonHooks(AgendaProposals.NONE, Notifier.NONE);
  }
}
