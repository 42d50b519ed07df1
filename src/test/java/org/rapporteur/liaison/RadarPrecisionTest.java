package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.radar.RadarDocument;
import org.rapporteur.radar.RadarIndex;
import org.rapporteur.radar.RadarMatch;
import org.rapporteur.radar.RadarPair;

/**
 * Quality of the duplication radar on a labelled set (src/test/resources/radar/labelled.tsv): ITU-D
 * documents on six subjects ask for the ITU-T documents on the same subject (five each), among
 * ITU-T documents on other subjects. Two ITU-D documents have no ITU-T counterpart at all.
 */
class RadarPrecisionTest {
  @TempDir
  Path dir;

  record Labelled(String topic, RadarDocument doc) {}

  static List<Labelled> load() throws IOException {
    List<Labelled> out = new ArrayList<>();
    try (InputStream in = RadarPrecisionTest.class.getResourceAsStream("/radar/labelled.tsv")) {
      int n = 0;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String id = String.format("%024x", ++n);
        out.add(new Labelled(f[0], new RadarDocument(RadarDocument.QUESTION, id, f[1], null, f[1] + "-G", null, f[2],
            f[3])));
      }
    }
    return out;
  }

  @Test
  @DisplayName("Precision at 5 of cross-sector matches on the labelled set, printed for BENCHMARKS.md")
  void precisionAtFive() throws IOException {
    List<Labelled> set = load();
    Map<String, String> topicOf = new HashMap<>();
    set.forEach(l -> topicOf.put(l.doc().key(), l.topic()));
    try (RadarIndex index = RadarIndex.open(dir.resolve("radar"))) {
      index.indexAll(set.stream().map(Labelled::doc).toList());
      assertThat(index.size()).isEqualTo(set.size());

      double sum = 0;
      int queries = 0;
      double overlapTop = 0;
      double unrelatedTop = 0;
      int unrelated = 0;
      StringBuilder report = new StringBuilder();
      for (Labelled query : set) {
        if (!query.doc().sector().equals("ITU-D")) {
          continue;
        }
        List<RadarMatch> top = index.similar(query.doc().title(), query.doc().text(), "ITU-D", List.of(query.doc().key()), 5);
        assertThat(top).allSatisfy(m -> assertThat(m.document().sector()).isEqualTo("ITU-T"));
        if (query.topic().equals("none")) {
          unrelated++;
          unrelatedTop += top.isEmpty() ? 0 : top.get(0).score();
          continue;
        }
        long relevant = top.stream().filter(m -> topicOf.get(m.document().key()).equals(query.topic())).count();
        sum += relevant / 5.0;
        queries++;
        overlapTop += top.get(0).score();
        assertThat(topicOf.get(top.get(0).document().key())).as("best match for " + query.doc().title())
            .isEqualTo(query.topic());
        assertThat(top.get(0).sharedTerms()).isNotEmpty();
        report.append(String.format("  %-9s P@5=%.1f  %s -> %s (%.2f, shared %s)%n", query.topic(), relevant / 5.0,
            query.doc().title(), top.get(0).document().title(), top.get(0).score(), top.get(0).sharedTerms()));
      }
      double precision = sum / queries;
      System.out.printf("Duplication radar: precision@5 = %.3f over %d ITU-D queries (%d documents); "
              + "mean best score %.2f for overlapping subjects, %.2f for subjects with no counterpart%n%s",
          precision, queries, set.size(), overlapTop / queries, unrelatedTop / unrelated, report);
      assertThat(precision).isGreaterThanOrEqualTo(0.8);
      assertThat(unrelatedTop / unrelated).isLessThan(overlapTop / queries / 2);

      List<RadarPair> pairs = index.overlaps(10, 0.05);
      assertThat(pairs).isNotEmpty();
      long sameTopic = pairs.stream()
          .filter(p -> topicOf.get(p.a().key()).equals(topicOf.get(p.b().key()))).count();
      System.out.printf("Duplication radar: %d of the %d strongest overlaps on the radar page pair documents on the "
          + "same subject%n", sameTopic, pairs.size());
      assertThat(pairs).allSatisfy(p -> assertThat(p.a().sector()).isNotEqualTo(p.b().sector()));
      assertThat(sameTopic).isGreaterThanOrEqualTo(9);

      RadarDocument copy = new RadarDocument(RadarDocument.QUESTION, "f".repeat(24), "ITU-D", null, "ITU-D-G", null,
          "Submarine cable repair and protection zones", "Repair of damaged submarine telecommunication cables.");
      index.index(copy);
      RadarPair strongest = index.overlaps(1, 0).get(0);
      assertThat(List.of(strongest.a().key(), strongest.b().key())).as("the overview follows index changes")
          .contains(copy.key());
    }
  }
}
