package org.rapporteur.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.index.IndexChange;
import org.rapporteur.platform.events.ContributionChanged;

/** A contribution's change event decides its place on the radar by itself, with nothing read back. */
class ContributionRadarFeedTest {
  static ContributionChanged changed(String status, String text, boolean deleted) {
    return new ContributionChanged("a".repeat(24), "b".repeat(24), "SG3RG-AFR", "ITU-T", "SG3RG-AFR/7",
        "Mobile money fees", "Senegal", List.of("Q4/1"), status, null, "en", text, deleted);
  }

  @Test
  @DisplayName("An extracted contribution is put on the radar under its group's sector, from the event alone")
  void extractedContributionIsIndexedFromTheEvent() {
    IndexChange change = ContributionRadarFeed.change(changed("submitted", "Mobile money interoperability", false));
    assertThat(change).isInstanceOf(IndexChange.Upsert.class);
    assertThat(change.key().text()).isEqualTo("contribution:" + "a".repeat(24));
    var doc = ((IndexChange.Upsert) change).document();
    assertThat(doc.get("sector")).isEqualTo("ITU-T");
    assertThat(doc.get("ref")).isEqualTo("SG3RG-AFR/7");
    assertThat(doc.get("language")).isEqualTo("en");
  }

  @Test
  @DisplayName("A withdrawn, deleted or not yet extracted contribution leaves the radar")
  void withdrawnDeletedOrEmptyContributionLeaves() {
    assertThat(ContributionRadarFeed.change(changed("withdrawn", "Mobile money", false)))
        .isInstanceOf(IndexChange.Delete.class);
    assertThat(ContributionRadarFeed.change(ContributionChanged.deleted("a".repeat(24))))
        .isInstanceOf(IndexChange.Delete.class);
    assertThat(ContributionRadarFeed.change(changed("submitted", " ", false))).isInstanceOf(IndexChange.Delete.class);
  }

  @Test
  @DisplayName("The event crosses the bus as JSON and comes back equal")
  void eventRoundTripsThroughJson() {
    ContributionChanged event = changed("allocated", "Texte", false);
    assertThat(ContributionChanged.fromJson(event.toJson())).isEqualTo(event);
    assertThat(ContributionChanged.fromJson(ContributionChanged.deleted("c".repeat(24)).toJson()).deleted()).isTrue();
  }
}
