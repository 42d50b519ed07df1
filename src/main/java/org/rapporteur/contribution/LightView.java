package org.rapporteur.contribution;

import java.util.Set;

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

  /** The whole answer: a fragment with {@code dir} on its only wrapper, nothing else carries an attribute. */
  public String toHtml() {
    String body = html != null ? html : "<p></p>";
    return "<div dir=\"" + dir() + "\">" + body + "</div>";
  }
}
