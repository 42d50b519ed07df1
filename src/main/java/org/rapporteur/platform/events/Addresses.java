package org.rapporteur.platform.events;

/**
 * The event-bus addresses on which features publish their typed domain events, written down in one
 * place so that a consumer never has to import the publishing feature to find them.
 */
public final class Addresses {
  /** A contribution was created, revised, extracted or changed status; the body is a {@link ContributionChanged}. */
  public static final String CONTRIBUTION_CHANGED = "rapporteur.contribution.changed";

  /** A regional project was created or changed; the body is an {@code initiative.ProjectChanged} as JSON. */
  public static final String PROJECT_CHANGED = "rapporteur.initiative.project.changed";

  private Addresses() {}
}
