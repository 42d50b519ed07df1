package org.rapporteur.platform.csv;

/**
 * CSV (RFC 4180) that a secretariat opens in a spreadsheet: every cell quoted, lines ended by CRLF, a
 * byte order mark first so that Excel reads UTF-8 (Arabic, Chinese and Russian names), and text a
 * spreadsheet would run as a formula defused.
 */
public final class Csv {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private Csv() {}

  /** Quotes a cell, and defuses text a spreadsheet would run as a formula. */
  public static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** How a file starts: the byte order mark and the header line. */
  public static String start(String header) {
    return BYTE_ORDER_MARK + header + "\r\n";
  }

  /** One line of cells, with its CRLF. */
  public static String line(String... cells) {
    return String.join(",", cells) + "\r\n";
  }
}
