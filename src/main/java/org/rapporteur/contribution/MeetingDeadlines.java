package org.rapporteur.contribution;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** How contributions learn a target meeting's group and contribution deadline, for the late flag. */
public interface MeetingDeadlines {
  Future<Optional<Target>> find(String meetingId);

  /** The meeting's group, and its deadline (null when it has none). */
  record Target(String groupId, Instant deadline) {}
}
