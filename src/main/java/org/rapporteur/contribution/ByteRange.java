package org.rapporteur.contribution;

/** One byte range of a file, from a {@code Range: bytes=...} header (RFC 9110 §14). */
public record ByteRange(long start, long end) {

  public long length() {
    return end - start + 1;
  }

  /** Thrown for a range that no byte of the file satisfies: 416. */
  public static final class Unsatisfiable extends RuntimeException {
    Unsatisfiable() {
      super(null, null, false, false);
    }
  }

  /**
   * The range asked for, or null to send the whole file (no header, another unit, several ranges or a
   * malformed header are all answered with the whole file, as the RFC allows).
   */
  public static ByteRange parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return null;
    }
    String spec = header.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String first = spec.substring(0, dash).strip();
      String last = spec.substring(dash + 1).strip();
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || size == 0) {
          throw new Unsatisfiable();
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1);
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (start >= size || (!last.isEmpty() && Long.parseLong(last) < start)) {
        throw new Unsatisfiable();
      }
      return new ByteRange(start, end);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
