package org.rapporteur.contribution;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The client's filename is kept only as display metadata, after this cleaning. */
public final class FileNames {
  private static final int MAX_LENGTH = 200;

  private FileNames() {}

  /** The last path segment, without control characters, leading dots or surrounding blanks. */
  public static String sanitize(String raw) {
    if (raw == null) {
      return "file";
    }
    String name = raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != 0x2028 && c != 0x2029 && c != 0xFEFF)
        .filter(c -> Character.getType(c) != Character.FORMAT || c == 0x200C || c == 0x200D)
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip().replaceAll("^\\.+", "").strip();
    if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
      result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
    }
    return result.isEmpty() ? "file" : result;
  }

  /** {@code attachment} with an ASCII fallback and the exact name as RFC 6266 / RFC 8187 {@code filename*}. */
  public static String contentDisposition(String filename) {
    String ascii = filename.chars().map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '%' ? '_' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
