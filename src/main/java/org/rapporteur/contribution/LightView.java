package org.rapporteur.contribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The light view of one revision: the sanitized HTML Tika's text became, with its writing direction. */
public record LightView(Contribution contribution, Revision revision, String html) {
  private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur");

  static LightView of(Contribution contribution, Revision revision, String html) {
    return new LightView(contribution, revision, html);
  }

  public String dir() {
    String language = revision.extraction().language();
    return language != null && RTL.contains(language) ? "rtl" : "ltr";
  }

  private static final Pattern BLOCK_TAG = Pattern.compile("<(/?)(p|h[1-6]|ul|ol|table)\\b[^>]*>");

  /**
   * The light view cut into parts of about {@code partChars} characters each, cut only between blocks
   * that stand alone (never inside a list or a table), so that a long document's first screen arrives
   * first; each part is a whole answer like {@link #toHtml()}.
   */
  public List<String> parts(int partChars) {
    String body = html != null ? html : "<p></p>";
    List<String> parts = new ArrayList<>();
    Matcher m = BLOCK_TAG.matcher(body);
    int depth = 0;
    int start = 0;
    while (m.find()) {
      boolean closing = !m.group(1).isEmpty();
      boolean container = !m.group(2).startsWith("h") && !m.group(2).equals("p");
      if (container) {
        depth += closing ? -1 : 1;
      }
      if (closing && depth <= 0 && m.end() - start >= partChars) {
        parts.add(wrap(body.substring(start, m.end())));
        start = m.end();
        depth = 0;
      }
    }
    if (start < body.length() || parts.isEmpty()) {
      parts.add(wrap(body.substring(start)));
    }
    return parts;
  }

  private String wrap(String body) {
    return "<div dir=\"" + dir() + "\">" + body + "</div>";
  }

  /** The whole answer: a fragment with {@code dir} on its only wrapper, nothing else carries an attribute. */
  public String toHtml() {
    return wrap(html != null ? html : "<p></p>");
  }
}
