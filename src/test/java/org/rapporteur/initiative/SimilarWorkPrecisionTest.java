package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.index.RebuildSource;

/**
 * Quality of "similar work in other regions" on a labelled set (src/test/resources/similar/labelled.json):
 * five subjects, each carried by two or three projects of different regions written in Arabic,
 * Chinese, English, French, Russian or Spanish (most with an English translation, some without),
 * among decoys that share only the common words (digital, development, regional, national), the
 * common tags (9.c, 17.8), or the tags of a subject without its substance (13.1 and C7 for climate
 * data for farmers, 16.a and C5 for electronic signatures, 4.a for a school curriculum). Every project with a subject asks for its similar work; precision@k is
 * the share of its top k that are on its subject, out of at most the number that exist.
 */
@ExtendWith(VertxExtension.class)
class SimilarWorkPrecisionTest {
  @TempDir
  Path dir;

  record Labelled(String topic, ProjectChanged project) {}

  static List<Labelled> load() throws IOException {
    List<Labelled> out = new ArrayList<>();
    try (InputStream in = SimilarWorkPrecisionTest.class.getResourceAsStream("/similar/labelled.json")) {
      JsonArray all = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      for (int i = 0; i < all.size(); i++) {
        JsonObject p = all.getJsonObject(i);
        String id = String.format("%024x", i + 1);
        out.add(new Labelled(p.getString("topic"), ProjectChanged.fromJson(p.copy().put("id", id)
            .put("code", String.format("9R%s%05d-01", p.getString("region").substring(0, 2), i + 1))
            .put("status", "implementation").put("originalLanguage", p.getString("original"))
            .put("sdgTargets", p.getJsonArray("sdg")).put("wsisLines", p.getJsonArray("wsis"))
            .put("published", true))));
      }
    }
    return out;
  }

  @Test
  @DisplayName("Precision at 1 and 3 of similar work in other regions on the labelled set, printed for BENCHMARKS.md")
  void precisionAtOneAndThree(Vertx vertx) throws IOException {
    List<Labelled> set = load();
    Map<String, Labelled> byId = new HashMap<>();
    set.forEach(l -> byId.put(l.project().id(), l));
    SimilarityConfig config = SimilarityConfig.fromJson(new JsonObject());
    SimilarProjects similar = new SimilarProjects(SimilarProjects.index(vertx, dir.resolve("projects"), config,
        RebuildSource.whole(() -> Future.succeededFuture(set.stream().map(Labelled::project).toList()))), config);
    similar.start().await();
    try {
      double at1 = 0;
      double at3 = 0;
      int queries = 0;
      double decoyTop = 0;
      double trueTop = 0;
      int decoys = 0;
      StringBuilder report = new StringBuilder();
      for (Labelled query : set) {
        List<SimilarMatch> top = similar.similar(query.project().id(), false, 3).await().items();
        assertThat(top).allSatisfy(m -> assertThat(m.project().region()).isNotEqualTo(query.project().region()));
        if (query.topic().equals("none")) {
          decoys++;
          decoyTop += top.isEmpty() ? 0 : top.get(0).score();
          continue;
        }
        long partners = set.stream().filter(l -> l.topic().equals(query.topic())
            && !l.project().region().equals(query.project().region())).count();
        long relevant = top.stream().filter(m -> byId.get(m.project().id()).topic().equals(query.topic())).count();
        boolean first = !top.isEmpty() && byId.get(top.get(0).project().id()).topic().equals(query.topic());
        at1 += first ? 1 : 0;
        trueTop += top.isEmpty() ? 0 : top.get(0).score();
        at3 += (double) relevant / Math.min(3, partners);
        queries++;
        report.append(String.format("  %-13s %s  %s -> %s (%.2f, terms %s, tags %s)%n", query.topic(),
            first ? "ok " : "MISS", query.project().title().get("en"),
            top.isEmpty() ? "-" : top.get(0).project().title().values().get("en"), top.isEmpty() ? 0 : top.get(0).score(),
            top.isEmpty() ? List.of() : top.get(0).sharedTerms(), top.isEmpty() ? List.of() : top.get(0).sharedTags()));
      }
      System.out.printf("Similar work in other regions: precision@1 = %.3f, precision@3 = %.3f over %d queries "
              + "(%d projects, %d decoys); mean best score %.2f with a subject, %.2f for a decoy%n%s",
          at1 / queries, at3 / queries, queries, set.size(), decoys, trueTop / queries, decoyTop / decoys, report);
      assertThat(at1 / queries).isGreaterThanOrEqualTo(0.8);
      assertThat(at3 / queries).isGreaterThanOrEqualTo(0.7);
      assertThat(decoyTop / decoys).as("decoys' best matches score well below true counterparts")
          .isLessThan(0.6 * trueTop / queries);
    } finally {
      similar.stop().await();
    }
  }
}
