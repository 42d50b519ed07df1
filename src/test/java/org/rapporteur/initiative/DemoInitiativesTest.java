package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;
import org.rapporteur.account.Registration;
import org.rapporteur.demo.DemoData;
import org.rapporteur.support.ServerTest;

/** The Resolution 17 demo data: two cycles of 30 initiatives, twenty projects, loaded twice without duplicates. */
class DemoInitiativesTest extends ServerTest {
  InitiativeModule module;
  Actor secretariat;

  @BeforeEach
  void start() {
    module = server.app().services().initiatives();
    secretariat = server.app().services().accounts().provision(new Registration("officer@itu.example",
        "a-long-password-1", "Officer", "Switzerland", "BDT"), EnumSet.of(GlobalRole.SECRETARIAT)).await().toActor();
  }

  @Test
  void loadingTwiceAddsNothingTheSecondTime(Vertx vertx) {
    DemoData demo = server.app().demoData();
    demo.loadInitiatives(secretariat).await();
    long audited = server.app().mongo().count("audit", new io.vertx.core.json.JsonObject()).await();
    demo.loadInitiatives(secretariat).await();
    assertThat(server.app().mongo().count("audit", new io.vertx.core.json.JsonObject()).await()).isEqualTo(audited);

    var all = new InitiativeService.Filter(null, null, null);
    assertThat(module.initiatives().list(all, 0, 200).await().total()).isEqualTo(60);
    assertThat(module.initiatives().list(new InitiativeService.Filter(null, "WTDC-25", null), 0, 200).await().total())
        .isEqualTo(30);
    assertThat(module.initiatives().findByCode("WTDC-22", "AFR1").await().orElseThrow().title().originalText())
        .startsWith("Supporting digital transformation");
    List<Project> projects = module.projects().all(ProjectService.Filter.ALL).await();
    assertThat(projects).hasSize(20);
    assertThat(module.partners().list(new PartnerService.Filter(null, null, null, null), 0, 200).await().total())
        .isEqualTo(26);

    Map<String, String> cycleOf = module.initiatives().list(all, 0, 200).await().items().stream()
        .collect(Collectors.toMap(RegionalInitiative::id, RegionalInitiative::cycle));
    for (Project p : projects) {
      if (cycleOf.get(p.initiativeIds().get(0)).equals("WTDC-22")) {
        assertThat(p.status()).as(p.code()).isEqualTo(ActivityStatus.CLOSED);
        assertThat(p.lessons()).as(p.code()).isNotEmpty();
      } else {
        assertThat(p.status()).as(p.code()).isIn(ActivityStatus.PIPELINE, ActivityStatus.IMPLEMENTATION);
      }
    }
    assertThat(projects.stream().map(p -> p.title().original()).distinct()).contains("en", "fr", "ar", "es", "ru");
    Project caribbean = projects.stream().filter(p -> p.code().equals("9RAM20011-01")).findFirst().orElseThrow();
    Project pacific = projects.stream().filter(p -> p.code().equals("9RAS10001-01")).findFirst().orElseThrow();
    assertThat(caribbean.replicatedFrom()).isEqualTo(pacific.id());
    assertThat(caribbean.region()).isNotEqualTo(pacific.region());
  }
}
