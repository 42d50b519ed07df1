package org.rapporteur.liaison;

/**
 * Replacements for how liaison statements reach other features (agenda proposals, live notification
 * pushes), for tests that watch those calls; a null part means the real one the application wires.
 */
public record LiaisonHooks(AgendaProposals agendaProposals, Notifier notifier) {
  public static LiaisonHooks real() {
    return new LiaisonHooks(null, null);
  }
}
