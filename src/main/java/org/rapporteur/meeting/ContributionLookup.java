package org.rapporteur.meeting;

import io.vertx.core.Future;
import java.util.Optional;
import org.rapporteur.platform.security.Actor;

/** How the agenda learns about the contributions it allocates, and tells them what the meeting did. */
public interface ContributionLookup {
  Future<Optional<ContributionSummary>> find(String contributionId);

  /** Records the meeting's treatment on the contribution itself; null when it is no longer allocated. */
  Future<Void> recordTreatment(Actor chair, String contributionId, Treatment treatment);

  record ContributionSummary(String id, String groupId, String number, String title) {}
}
