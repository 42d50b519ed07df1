package org.rapporteur.contribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.platform.errors.UnprocessableException;

/** A line-based diff (longest common subsequence) between the texts of two revisions. */
public final class LineDiff {
  private static final long MAX_CELLS = 4_000_000L;

  private LineDiff() {}

  public record Line(char op, String text) {
    JsonObject toJson() {
      return new JsonObject().put("op", String.valueOf(op)).put("text", text);
    }
  }

  public static List<Line> diff(String from, String to) {
    List<String> a = lines(from);
    List<String> b = lines(to);
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    if ((long) midA.size() * midB.size() > MAX_CELLS) {
      throw new UnprocessableException("The revisions differ too much to compare line by line");
    }
    List<Line> out = new ArrayList<>();
    a.subList(0, prefix).forEach(l -> out.add(new Line(' ', l)));
    out.addAll(lcs(midA, midB));
    a.subList(a.size() - suffix, a.size()).forEach(l -> out.add(new Line(' ', l)));
    return out;
  }

  private static List<Line> lcs(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] len = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a.get(i).equals(b.get(j))) {
        out.add(new Line(' ', a.get(i++)));
        j++;
      } else if (len[i + 1][j] >= len[i][j + 1]) {
        out.add(new Line('-', a.get(i++)));
      } else {
        out.add(new Line('+', b.get(j++)));
      }
    }
    while (i < n) {
      out.add(new Line('-', a.get(i++)));
    }
    while (j < m) {
      out.add(new Line('+', b.get(j++)));
    }
    return out;
  }

  public static JsonArray toJson(List<Line> lines) {
    return new JsonArray(lines.stream().map(Line::toJson).toList());
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
  }
}
