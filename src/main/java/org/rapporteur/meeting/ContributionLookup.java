package org.rapporteur.meeting;

import io.vertx.core.Future;
import java.util.Optional;

/** How the meetings feature learns about a contribution it is asked to allocate. */
public interface ContributionLookup {
  Future<Optional<ContributionSummary>> find(String contributionId);

  record ContributionSummary(String id, String groupId, String number, String title) {}
}
