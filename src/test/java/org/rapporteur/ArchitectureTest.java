package org.rapporteur;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages that must never exist (docs/architecture.md draws them). Read from the
 * sources: every import, and every fully qualified name in the code, of every class under
 * {@code src/main/java}. A rule names the packages it applies to, the ones they must not reach, and
 * why; add one by adding a line to {@link #RULES}.
 *
 * <p>{@code -Darchitecture.sources=<dir>} checks another tree (an older commit unpacked somewhere).
 */
class ArchitectureTest {
  private static final String ROOT = "org.rapporteur.";
  /** Packages that are not features: what every feature uses, and the application's composition root. */
  private static final Set<String> NOT_FEATURES = Set.of("platform", "realtime", "index");
  private static final List<String> INTERNALS = List.of("io.netty.", "io.vertx.core.impl.", "io.vertx.core.net.impl.",
      "io.vertx.core.http.impl.", "io.vertx.core.internal.");

  private static final List<Rule> RULES = List.of(
      new Rule("platform knows no feature",
          in("platform"), anyFeature()),
      new Rule("realtime knows no feature: features register their room policies and commands with it",
          in("realtime"), anyFeature()),
      new Rule("the rooms below realtime do not depend on its transport",
          in("realtime.room"), packages("realtime.transport")),
      new Rule("chat and realtime know nothing of meetings: the meeting registers its room policy",
          in("chat", "realtime"), packages("meeting")),
      new Rule("Vert.x and Netty internals only in the realtime transport (and where the embedded database hands "
          + "out Netty types)",
          not(in("realtime.transport", "platform.mongo")), prefixes(INTERNALS)));

  @Test
  @DisplayName("No class imports across an arrow that must not exist")
  void noForbiddenArrows() {
    List<String> violations = new ArrayList<>();
    List<Path> sources = sources();
    for (Path source : sources) {
      String pkg = packageOf(source);
      for (String used : references(source)) {
        for (Rule rule : RULES) {
          if (rule.from().test(pkg) && rule.to().test(used)) {
            violations.add(source.getFileName() + " (" + pkg + ") uses " + used + ": " + rule.why());
          }
        }
      }
    }
    assertThat(sources).as("sources read").hasSizeGreaterThan(50);
    assertThat(violations).isEmpty();
  }

  @Test
  @DisplayName("The rules catch what they forbid (a rule that matches nothing guards nothing)")
  void rulesMatchTheArrowsTheyForbid() {
    assertThat(violates("org.rapporteur.realtime.room", "org.rapporteur.chat.ChatService")).isTrue();
    assertThat(violates("org.rapporteur.realtime.transport", "org.rapporteur.account.Actor")).isTrue();
    assertThat(violates("org.rapporteur.chat", "org.rapporteur.meeting.MeetingService")).isTrue();
    assertThat(violates("org.rapporteur.chat", "io.netty.channel.Channel")).isTrue();
    assertThat(violates("org.rapporteur.chat", "io.vertx.core.internal.ContextInternal")).isTrue();
    assertThat(violates("org.rapporteur.chat", "org.rapporteur.realtime.room.RoomName")).isFalse();
    assertThat(violates("org.rapporteur.realtime.transport", "io.netty.channel.Channel")).isFalse();
    assertThat(violates("org.rapporteur.meeting", "org.rapporteur.realtime.room.RoomPolicy")).isFalse();
  }

  private record Rule(String why, Predicate<String> from, Predicate<String> to) {}

  private static boolean violates(String pkg, String used) {
    return RULES.stream().anyMatch(rule -> rule.from().test(pkg) && rule.to().test(used));
  }

  /** The package itself or one below it, for each of these (relative to org.rapporteur). */
  private static Predicate<String> in(String... packages) {
    return pkg -> Stream.of(packages).anyMatch(p -> pkg.equals(ROOT + p) || pkg.startsWith(ROOT + p + "."));
  }

  private static Predicate<String> not(Predicate<String> which) {
    return which.negate();
  }

  /** Names of classes in these packages (relative to org.rapporteur) or below them. */
  private static Predicate<String> packages(String... packages) {
    return used -> Stream.of(packages).anyMatch(p -> used.startsWith(ROOT + p + "."));
  }

  private static Predicate<String> prefixes(List<String> prefixes) {
    return used -> prefixes.stream().anyMatch(used::startsWith);
  }

  /** A class of a feature: any top-level package of org.rapporteur but the ones that are not features. */
  private static Predicate<String> anyFeature() {
    return used -> {
      if (!used.startsWith(ROOT)) {
        return false;
      }
      String rest = used.substring(ROOT.length());
      int dot = rest.indexOf('.');
      // org.rapporteur.App and Main are the composition root: they may use anything, and nothing uses them.
      return dot > 0 && Character.isLowerCase(rest.charAt(0)) && !NOT_FEATURES.contains(rest.substring(0, dot));
    };
  }

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?;",
      Pattern.MULTILINE);
  /** A qualified name used in the code itself, without an import. */
  private static final Pattern QUALIFIED = Pattern.compile("\\b((?:org\\.rapporteur|io\\.netty|io\\.vertx)(?:\\.\\w+)+)");
  /** Comments and string literals, read in one pass so that neither hides the other's end. */
  private static final Pattern NOT_CODE = Pattern.compile("'(?:\\\\.|[^'\\\\])'|\"(?:\\\\.|[^\"\\\\])*\"|/\\*.*?\\*/|//[^\\n]*",
      Pattern.DOTALL);

  private static List<Path> sources() {
    Path root = Path.of(System.getProperty("architecture.sources", "src/main/java"));
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String packageOf(Path source) {
    Matcher m = PACKAGE.matcher(read(source));
    return m.find() ? m.group(1) : "";
  }

  private static Set<String> references(Path source) {
    String text = read(source);
    Set<String> used = new TreeSet<>();
    Matcher imports = IMPORT.matcher(text);
    while (imports.find()) {
      used.add(imports.group(1));
    }
    String code = NOT_CODE.matcher(text).replaceAll(" ");
    code = IMPORT.matcher(PACKAGE.matcher(code).replaceAll("")).replaceAll("");
    Matcher qualified = QUALIFIED.matcher(code);
    while (qualified.find()) {
      used.add(qualified.group(1));
    }
    return used;
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
