package org.rapporteur.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A strict reading of iCalendar text (RFC 5545) for the tests, as no iCalendar parser is at hand: the
 * physical lines (CRLF, at most 75 octets, continuation lines start with one space), the content lines
 * they unfold to, and the components, which must nest and close.
 */
final class Ics {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  /** One content line: name, parameters (";TZID=..." as written) and value. */
  record Line(String name, String params, String value) {}

  /** A component with its own lines and its sub-components. */
  record Component(String name, List<Line> lines, List<Component> children) {
    String value(String property) {
      return lines.stream().filter(l -> l.name().equals(property)).map(Line::value).findFirst().orElse(null);
    }

    Line line(String property) {
      return lines.stream().filter(l -> l.name().equals(property)).findFirst().orElse(null);
    }

    List<Component> all(String component) {
      return children.stream().filter(c -> c.name().equals(component)).toList();
    }
  }

  private Ics() {}

  /** Checks the physical form and answers the VCALENDAR component. */
  static Component parse(String text) {
    assertThat(text).endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r").doesNotContain("\n");
    List<String> unfolded = new ArrayList<>();
    for (String physical : text.split("\r\n")) {
      assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as("octets of: " + physical).isLessThanOrEqualTo(75);
      if (physical.startsWith(" ")) {
        assertThat(unfolded).as("a continuation line follows a line").isNotEmpty();
        unfolded.set(unfolded.size() - 1, unfolded.get(unfolded.size() - 1) + physical.substring(1));
      } else {
        unfolded.add(physical);
      }
    }
    Deque<Component> open = new ArrayDeque<>();
    Component root = null;
    for (String content : unfolded) {
      Line line = line(content);
      if (line.name().equals("BEGIN")) {
        Component component = new Component(line.value(), new ArrayList<>(), new ArrayList<>());
        if (open.isEmpty()) {
          assertThat(root).as("one VCALENDAR only").isNull();
          root = component;
        } else {
          open.peek().children().add(component);
        }
        open.push(component);
      } else if (line.name().equals("END")) {
        assertThat(open).as("END:" + line.value() + " closes something").isNotEmpty();
        assertThat(open.pop().name()).isEqualTo(line.value());
      } else {
        assertThat(open).as("a property inside a component: " + content).isNotEmpty();
        open.peek().lines().add(line);
      }
    }
    assertThat(open).as("every component closed").isEmpty();
    assertThat(root.name()).isEqualTo("VCALENDAR");
    assertThat(root.value("VERSION")).isEqualTo("2.0");
    assertThat(root.value("PRODID")).isNotBlank();
    for (Component event : root.all("VEVENT")) {
      assertThat(event.value("UID")).isNotBlank();
      assertThat(event.value("DTSTAMP")).matches("\\d{8}T\\d{6}Z");
      assertThat(event.line("DTSTART")).isNotNull();
    }
    return root;
  }

  private static Line line(String content) {
    int colon = -1;
    boolean quoted = false;
    for (int i = 0; i < content.length() && colon < 0; i++) {
      char c = content.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        colon = i;
      }
    }
    assertThat(colon).as("a name and a value: " + content).isPositive();
    String head = content.substring(0, colon);
    int semicolon = head.indexOf(';');
    String name = semicolon < 0 ? head : head.substring(0, semicolon);
    assertThat(name).matches("[A-Z][A-Z0-9-]*");
    return new Line(name, semicolon < 0 ? "" : head.substring(semicolon), content.substring(colon + 1));
  }

  /** A TEXT value unescaped. */
  static String text(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        assertThat(c).as("unescaped ; or , in a TEXT value: " + value).isNotIn(';', ',');
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The instant a local time of a VTIMEZONE stands for, as a calendar finds it: the offset of the
   * observance that began last before it.
   */
  static Instant resolve(Component timeZone, String local) {
    LocalDateTime time = LocalDateTime.parse(local, LOCAL);
    LocalDateTime bestStart = null;
    String bestOffset = null;
    for (Component observance : timeZone.children()) {
      LocalDateTime start = LocalDateTime.parse(observance.value("DTSTART"), LOCAL);
      if (!start.isAfter(time) && (bestStart == null || start.isAfter(bestStart))) {
        bestStart = start;
        bestOffset = observance.value("TZOFFSETTO");
      }
    }
    assertThat(bestOffset).as("an observance before " + local).isNotNull();
    return time.toInstant(ZoneOffset.of(bestOffset.substring(0, 3) + ":" + bestOffset.substring(3, 5)));
  }
}
