package org.rapporteur.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The nearest-rank percentile of measured values, as the benchmarks print them. */
final class Percentiles {
  private Percentiles() {}

  /** The value at {@code percentile} (0 to 100) of {@code values}; -1 when there are none. */
  static long of(List<Long> values, int percentile) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(sorted.size() * percentile / 100.0) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
