package org.rapporteur.meeting;

import io.vertx.core.Future;
import java.util.Optional;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.contribution.ContributionStatus;

/**
 * The agenda's view of contributions through their service. A treatment becomes the contribution's
 * status, so the group's document list shows what the meeting did; "agreed" reads as presented
 * there (the finer outcome stays on the agenda), and a postponed document stays allocated.
 */
public final class AgendaContributions implements ContributionLookup {
  private final ContributionService contributions;

  public AgendaContributions(ContributionService contributions) {
    this.contributions = contributions;
  }

  @Override
  public Future<Optional<ContributionSummary>> find(String contributionId) {
    return contributions.summary(contributionId).map(found -> found.map(c ->
        new ContributionSummary(c.id(), c.groupId(), c.number(), c.title())));
  }

  @Override
  public Future<Void> recordTreatment(Actor chair, String contributionId, Treatment treatment) {
    return contributions.changeStatus(chair, contributionId, statusFor(treatment)).mapEmpty();
  }

  static ContributionStatus statusFor(Treatment treatment) {
    if (treatment == null) {
      return ContributionStatus.SUBMITTED;
    }
    return switch (treatment) {
      case TO_PRESENT, POSTPONED -> ContributionStatus.ALLOCATED;
      case PRESENTED, AGREED -> ContributionStatus.PRESENTED;
      case NOTED -> ContributionStatus.NOTED;
      case REVISED -> ContributionStatus.REVISED;
      case MERGED -> ContributionStatus.MERGED;
      case WITHDRAWN -> ContributionStatus.WITHDRAWN;
    };
  }
}
