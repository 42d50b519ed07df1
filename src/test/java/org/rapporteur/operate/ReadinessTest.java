package org.rapporteur.operate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("A draining process answers not ready at once, without waiting for a slow database ping")
  void drainingAnswersAtOnce() throws Exception {
    // A database that takes 10 s to answer, as on a machine under load: the ping's own limit is 2 s.
    Readiness readiness = new Readiness(() -> vertx.timer(10_000).mapEmpty());
    readiness.check("extractors", () -> true);
    readiness.drain();

    JsonObject answer = readiness.evaluate().toCompletionStage().toCompletableFuture().get(500, TimeUnit.MILLISECONDS);

    assertThat(answer.getString("status")).isEqualTo("DOWN");
    assertThat(answer.getJsonArray("failed").getList()).containsExactly("shutdown");
  }
}
