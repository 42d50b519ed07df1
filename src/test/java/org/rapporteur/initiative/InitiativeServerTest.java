package org.rapporteur.initiative;

import org.junit.jupiter.api.BeforeEach;
import org.rapporteur.support.ServerTest;

/** A fresh server on its own data folder for each test, with the initiative fixture's people and groups. */
abstract class InitiativeServerTest extends ServerTest {
  InitiativeFixture fx;

  @BeforeEach
  void seedInitiativeFixture() {
    fx = new InitiativeFixture(server);
  }
}
