package org.rapporteur.liaison;

import org.junit.jupiter.api.BeforeEach;
import org.rapporteur.support.ServerTest;

/** A fresh server for each test, with the liaison fixture's groups and people. */
abstract class LiaisonServerTest extends ServerTest {
  LiaisonFixture f;

  @BeforeEach
  void seedLiaisonFixture() {
    f = new LiaisonFixture(server);
  }
}
