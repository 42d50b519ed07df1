package org.rapporteur.contribution.extract;

import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the light view from Tika's XHTML events: only allow-listed tags, never an attribute, text
 * escaped, and nothing from head, script or style. At {@code maxTextChars} characters of text or
 * {@code maxHtmlChars} of markup it is cut, mid-block if need be, and takes nothing more: a view that
 * skipped one long block and went on after it would misrepresent the document.
 */
final class LightHtmlHandler extends DefaultHandler {
  static final Set<String> ALLOWED = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
      "tr", "td", "th", "b", "i", "em", "strong", "br");
  private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "meta");

  private final StringBuilder html = new StringBuilder();
  private final int maxTextChars;
  private final int maxHtmlChars;
  private int textChars;
  private int skipDepth;
  private boolean truncated;

  LightHtmlHandler(int maxTextChars, int maxHtmlChars) {
    this.maxTextChars = maxTextChars;
    this.maxHtmlChars = maxHtmlChars;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    if (truncated) {
      return;
    }
    String tag = name(localName, qName);
    if (SKIPPED.contains(tag)) {
      skipDepth++;
    } else if (skipDepth == 0 && ALLOWED.contains(tag)) {
      append(tag.equals("br") ? "<br>" : "<" + tag + ">");
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (truncated) {
      return;
    }
    String tag = name(localName, qName);
    if (SKIPPED.contains(tag)) {
      skipDepth = Math.max(0, skipDepth - 1);
    } else if (skipDepth == 0 && ALLOWED.contains(tag) && !tag.equals("br")) {
      append("</" + tag + ">");
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (skipDepth > 0 || truncated) {
      return;
    }
    for (int i = start; i < start + length; i++) {
      if (ch[i] == '\u0000') {
        continue;
      }
      String escaped = switch (ch[i]) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        default -> null;
      };
      int width = escaped == null ? 1 : escaped.length();
      if (textChars >= maxTextChars || html.length() + width > maxHtmlChars) {
        cut();
        return;
      }
      textChars++;
      if (escaped == null) {
        html.append(ch[i]);
      } else {
        html.append(escaped);
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    characters(ch, start, length);
  }

  private void append(String tag) {
    if (html.length() + tag.length() > maxHtmlChars) {
      cut();
    } else {
      html.append(tag);
    }
  }

  private void cut() {
    truncated = true;
    int last = html.length() - 1;
    if (last >= 0 && Character.isHighSurrogate(html.charAt(last))) {
      html.setLength(last);
    }
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
