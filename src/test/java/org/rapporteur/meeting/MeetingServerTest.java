package org.rapporteur.meeting;

import org.junit.jupiter.api.BeforeEach;
import org.rapporteur.support.ServerTest;

/** A fresh server for each test, with the meeting fixture's group, people and meeting. */
abstract class MeetingServerTest extends ServerTest {
  MeetingFixture fx;

  @BeforeEach
  void seedMeetingFixture() {
    fx = new MeetingFixture(server);
  }
}
