package org.rapporteur.contribution.extract;

import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the light view from Tika's XHTML events: only allow-listed tags, never an attribute, text
 * escaped, and nothing from head, script or style. Stops growing at {@code maxChars}.
 */
final class LightHtmlHandler extends DefaultHandler {
  static final Set<String> ALLOWED = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
      "tr", "td", "th", "b", "i", "em", "strong", "br");
  private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "meta");

  private final StringBuilder html = new StringBuilder();
  private final int maxChars;
  private int skipDepth;
  private boolean truncated;

  LightHtmlHandler(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    String tag = name(localName, qName);
    if (SKIPPED.contains(tag)) {
      skipDepth++;
    } else if (skipDepth == 0 && ALLOWED.contains(tag)) {
      append(tag.equals("br") ? "<br>" : "<" + tag + ">");
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String tag = name(localName, qName);
    if (SKIPPED.contains(tag)) {
      skipDepth = Math.max(0, skipDepth - 1);
    } else if (skipDepth == 0 && ALLOWED.contains(tag) && !tag.equals("br")) {
      append("</" + tag + ">");
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (skipDepth > 0) {
      return;
    }
    StringBuilder escaped = new StringBuilder(length + 16);
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\u0000' -> { }
        default -> escaped.append(c);
      }
    }
    append(escaped);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    characters(ch, start, length);
  }

  private void append(CharSequence s) {
    if (html.length() + s.length() > maxChars) {
      truncated = true;
      return;
    }
    html.append(s);
  }

  String html() {
    return html.toString();
  }

  boolean truncated() {
    return truncated;
  }

  private static String name(String localName, String qName) {
    String n = localName == null || localName.isEmpty() ? qName : localName;
    int colon = n.indexOf(':');
    return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
  }
}
