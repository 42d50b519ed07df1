package org.rapporteur.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a configuration against the bundled {@code config/default.json}, which names every key: each
 * key must have the type of its default (an integer where the default is one; text where it is null),
 * numbers must not be negative, and a few have narrower ranges. A key the defaults do not have is an
 * error when it is one or two letters away from a known key at the same level (a typo that would
 * otherwise silently leave the default in force), and a warning otherwise (a key for a newer version).
 */
public final class ConfigCheck {
  /** Inclusive ranges tighter than "not negative". */
  private static final Map<String, double[]> RANGES = Map.of(
      "http.port", new double[] {0, 65_535},
      "mail.port", new double[] {1, 65_535},
      "jvm.compilerNice", new double[] {0, 19},
      "similarity.minScore", new double[] {0, 1},
      "chat.rateLimit.perSecond", new double[] {0.001, 1_000_000},
      "index.feedPollMillis", new double[] {10, 3_600_000},
      "index.feedPageSize", new double[] {1, 10_000},
      "index.feedRetentionDays", new double[] {1, 3650},
      "index.feedTrimMinutes", new double[] {1, 10_080});

  public record Result(List<String> errors, List<String> warnings) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private ConfigCheck() {}

  public static Result check(JsonObject reference, JsonObject actual) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    walk("", reference, actual, errors, warnings);
    return new Result(errors, warnings);
  }

  private static void walk(String prefix, JsonObject reference, JsonObject actual, List<String> errors,
      List<String> warnings) {
    for (String key : actual.fieldNames()) {
      String path = prefix + key;
      if (!reference.containsKey(key)) {
        String near = nearest(key, reference.fieldNames());
        if (near != null) {
          errors.add(path + ": unknown key; did you mean " + prefix + near + "?");
        } else {
          warnings.add(path + ": unknown key, ignored");
        }
        continue;
      }
      checkValue(path, reference.getValue(key), actual.getValue(key), errors, warnings);
    }
  }

  private static void checkValue(String path, Object expected, Object value, List<String> errors,
      List<String> warnings) {
    if (value == null) {
      if (expected != null && !(expected instanceof String)) {
        errors.add(path + ": must not be null");
      }
      return;
    }
    if (expected instanceof JsonObject section) {
      if (value instanceof JsonObject given) {
        walk(path + ".", section, given, errors, warnings);
      } else {
        errors.add(path + ": must be an object");
      }
    } else if (expected instanceof Boolean) {
      require(value instanceof Boolean, path, "must be true or false", errors);
    } else if (expected instanceof Number number) {
      checkNumber(path, number, value, errors);
    } else if (expected instanceof JsonArray) {
      require(value instanceof JsonArray, path, "must be a list", errors);
    } else {
      // A text default, or null: text (a null default stands for "not set", e.g. mongo.uri).
      require(value instanceof String, path, "must be text", errors);
    }
  }

  private static void checkNumber(String path, Number expected, Object value, List<String> errors) {
    if (!(value instanceof Number given)) {
      errors.add(path + ": must be a number");
      return;
    }
    boolean integral = !(expected instanceof Double || expected instanceof Float);
    if (integral && given.doubleValue() != Math.rint(given.doubleValue())) {
      errors.add(path + ": must be a whole number");
      return;
    }
    double[] range = RANGES.getOrDefault(path, new double[] {0, Double.MAX_VALUE});
    if (given.doubleValue() < range[0] || given.doubleValue() > range[1]) {
      errors.add(path + ": " + given + " is outside " + format(range[0])
          + (range[1] == Double.MAX_VALUE ? " and above" : "-" + format(range[1])));
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static void require(boolean ok, String path, String message, List<String> errors) {
    if (!ok) {
      errors.add(path + ": " + message);
    }
  }

  /** The nearest known key within two edits (one for keys under five letters), case ignored; else null. */
  static String nearest(String key, Set<String> known) {
    String best = null;
    int bestDistance = key.length() < 5 ? 2 : 3;
    for (String candidate : known) {
      int distance = distance(key.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
