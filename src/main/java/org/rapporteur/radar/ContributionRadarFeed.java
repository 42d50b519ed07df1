package org.rapporteur.radar;

import org.rapporteur.index.IndexChange;
import org.rapporteur.platform.events.ContributionChanged;

/**
 * How a contribution stands on the duplication radar: its extracted text, under its group's sector;
 * a withdrawn or deleted one, or one with no text yet, leaves the radar. Everything comes with the
 * change event, so nothing is read back from the contribution feature.
 */
final class ContributionRadarFeed {
  private ContributionRadarFeed() {}

  static IndexChange change(ContributionChanged c) {
    String key = RadarDocument.key(RadarDocument.CONTRIBUTION, c.id());
    if (c.withdrawnOrDeleted() || c.text().isBlank() || c.sector() == null) {
      return RadarIndex.removal(key);
    }
    return RadarIndex.upsert(new RadarDocument(RadarDocument.CONTRIBUTION, c.id(), c.sector(), c.groupId(),
        c.groupCode(), c.number(), c.title(), c.text(), null, c.language()));
  }
}
