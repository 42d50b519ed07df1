package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.support.Eventually;

/** What the similarity index will consume: a typed event per change and a paging read for rebuilds. */
@ExtendWith(VertxExtension.class)
class ProjectChangedTest extends InitiativeServerTest {
  @Test
  void everyChangePublishesTheProjectsTextsAndTags(Vertx vertx) {
    List<ProjectChanged> seen = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.PROJECT_CHANGED, m -> seen.add(ProjectChanged.fromJson(m.body())))
        .completion().await();
    String id = fx.createProject(fx.project("9RAF60001-01").put("title", new JsonObject().put("original", "fr")
        .put("values", new JsonObject().put("fr", "Stratégie numérique").put("en", "Digital strategy"))));
    ok(fx.manager.post("/api/projects/" + id + "/lessons", new JsonObject().put("worked", "Ministry buy-in")), 201);
    Eventually.until(seen::size, n -> n == 2, "two ProjectChanged events");
    ProjectChanged created = seen.get(0);
    assertThat(created.id()).isEqualTo(id);
    assertThat(created.region()).isEqualTo("AFR");
    assertThat(created.status()).isEqualTo("implementation");
    assertThat(created.title()).containsEntry("fr", "Stratégie numérique").containsEntry("en", "Digital strategy");
    assertThat(created.originalLanguage()).isEqualTo("fr");
    assertThat(created.results().get("en")).contains("Strategy adopted").contains("Strategies adopted");
    assertThat(created.sdgTargets()).containsExactly("9.c", "17.8");
    assertThat(created.wsisLines()).containsExactly("C1", "C7");
    assertThat(created.published()).isTrue();
    assertThat(created.deleted()).isFalse();
    assertThat(seen.get(1).lessons()).containsEntry("en", "Ministry buy-in");
    assertThat(ProjectChanged.fromJson(created.toJson())).as("the event round-trips through JSON").isEqualTo(created);
  }

  @Test
  void theServiceGivesEveryProjectPageByPage() {
    for (int i = 1; i <= 5; i++) {
      fx.createProject(fx.project("9RAF7000" + i + "-01").put("published", i % 2 == 0));
    }
    ProjectService projects = server.app().services().initiatives().projects();
    List<ProjectChanged> first = projects.page(null, 2).await();
    List<ProjectChanged> second = projects.page(first.get(1).id(), 2).await();
    List<ProjectChanged> third = projects.page(second.get(1).id(), 2).await();
    assertThat(first).hasSize(2);
    assertThat(second).hasSize(2);
    assertThat(third).hasSize(1);
    assertThat(projects.page(third.get(0).id(), 2).await()).isEmpty();
    assertThat(List.of(first, second, third).stream().flatMap(List::stream).map(ProjectChanged::code).sorted())
        .containsExactly("9RAF70001-01", "9RAF70002-01", "9RAF70003-01", "9RAF70004-01", "9RAF70005-01");
  }
}
