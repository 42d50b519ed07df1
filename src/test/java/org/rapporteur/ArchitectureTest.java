package org.rapporteur;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * {@code src/main/java}. A rule names the classes it applies to (by package, or by name), the ones
 * they must not reach, and why; add one by adding a line to {@link #RULES}. Apart from the rules, no
 * two top-level packages may depend on each other, however long the way round.
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
          + "out Netty types, where log lines find their request in the request's own context data, and where the "
          + "cluster's member count is read: Vertx has no public way to it)",
          not(in("realtime.transport", "platform.mongo", "platform.log", "platform.cluster")), prefixes(INTERNALS)),
      new Rule("the index pipeline knows no feature: features hand it records and documents",
          in("index"), anyFeature()),
      new Rule("platform sits below everything: it uses neither the realtime rooms nor the index",
          in("platform"), packages("realtime", "index")),
      new Rule("search, the radar and the index follow typed change events; they never call contributions back",
          in("index", "search", "radar"), packages("contribution")),
      new Rule("only stores touch MongoDB: services take their stores, which the feature's module builds",
          not(anyOf(classesNamed("Store"), in("platform.mongo"), classesNamed("Module"), is("App"))),
          prefixes(List.of("io.vertx.ext.mongo."))));

  @Test
  @DisplayName("No class imports across an arrow that must not exist")
  void noForbiddenArrows() {
    List<String> violations = new ArrayList<>();
    List<Path> sources = sources();
    for (Path source : sources) {
      String pkg = packageOf(source);
      String type = typeOf(pkg, source);
      for (String used : references(source)) {
        for (Rule rule : RULES) {
          if (rule.from().test(type) && rule.to().test(used)) {
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
    assertThat(violates("org.rapporteur.realtime.transport", "org.rapporteur.account.AccountService")).isTrue();
    assertThat(violates("org.rapporteur.chat", "org.rapporteur.meeting.MeetingService")).isTrue();
    assertThat(violates("org.rapporteur.chat", "io.netty.channel.Channel")).isTrue();
    assertThat(violates("org.rapporteur.chat", "io.vertx.core.internal.ContextInternal")).isTrue();
    assertThat(violates("org.rapporteur.chat", "org.rapporteur.realtime.room.RoomName")).isFalse();
    assertThat(violates("org.rapporteur.realtime.transport", "io.netty.channel.Channel")).isFalse();
    assertThat(violates("org.rapporteur.meeting", "org.rapporteur.realtime.room.RoomPolicy")).isFalse();
    assertThat(violates("org.rapporteur.search.SearchService", "org.rapporteur.contribution.ContributionService"))
        .isTrue();
    assertThat(violates("org.rapporteur.index.IndexPipeline", "org.rapporteur.search.SearchService")).isTrue();
    assertThat(violates("org.rapporteur.platform.http.SystemRoutes", "org.rapporteur.realtime.room.Rooms")).isTrue();
    assertThat(violates("org.rapporteur.meeting.MeetingService", "io.vertx.ext.mongo.MongoClient")).isTrue();
    assertThat(violates("org.rapporteur.initiative.ProjectService", "io.vertx.ext.mongo.MongoClient")).isTrue();
    assertThat(violates("org.rapporteur.meeting.MeetingStore", "io.vertx.ext.mongo.MongoClient")).isFalse();
    assertThat(violates("org.rapporteur.meeting.MeetingModule", "io.vertx.ext.mongo.MongoClient")).isFalse();
    assertThat(violates("org.rapporteur.App", "io.vertx.ext.mongo.MongoClient")).isFalse();
  }

  @Test
  @DisplayName("No cycle between the top-level packages: every arrow can be drawn pointing down")
  void noPackageCycle() {
    Map<String, Set<String>> graph = packageGraph(sources());
    assertThat(graph).as("packages read").containsKeys("platform", "chat", "meeting");
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  @DisplayName("The cycle finder names a cycle, however long, and passes a graph without one")
  void cycleFinderFindsCycles() {
    Map<String, Set<String>> acyclic = Map.of("chat", Set.of("platform"), "meeting", Set.of("chat", "platform"),
        "platform", Set.of());
    assertThat(cycles(acyclic)).isEmpty();
    Map<String, Set<String>> cyclic = Map.of("account", Set.of("audit", "platform"), "audit", Set.of("workspace"),
        "workspace", Set.of("account"), "platform", Set.of());
    assertThat(cycles(cyclic)).containsExactly(List.of("account", "audit", "workspace"));
  }

  /** Top-level package (relative to org.rapporteur) to the top-level packages it uses; the root App is left out. */
  private static Map<String, Set<String>> packageGraph(List<Path> sources) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path source : sources) {
      String from = topLevel(packageOf(source) + ".");
      if (from == null) {
        continue;
      }
      Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
      for (String used : references(source)) {
        String target = topLevel(used);
        if (target != null && !target.equals(from)) {
          to.add(target);
        }
      }
    }
    return graph;
  }

  private static String topLevel(String name) {
    if (!name.startsWith(ROOT)) {
      return null;
    }
    String rest = name.substring(ROOT.length());
    int dot = rest.indexOf('.');
    return dot > 0 && Character.isLowerCase(rest.charAt(0)) ? rest.substring(0, dot) : null;
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted by name. */
  private static List<List<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<List<String>> found = new ArrayList<>();
    for (String node : new TreeSet<>(graph.keySet())) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, found);
      }
    }
    return found;
  }

  private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> found) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, found);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        found.add(component.stream().sorted().toList());
      }
    }
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

  @SafeVarargs
  private static Predicate<String> anyOf(Predicate<String>... which) {
    return type -> Stream.of(which).anyMatch(p -> p.test(type));
  }

  /** Classes whose simple name ends with this word ({@code Store}, {@code Module}). */
  private static Predicate<String> classesNamed(String suffix) {
    return type -> type.substring(type.lastIndexOf('.') + 1).endsWith(suffix);
  }

  /** Exactly these classes (relative to org.rapporteur). */
  private static Predicate<String> is(String... types) {
    return type -> Stream.of(types).anyMatch(t -> type.equals(ROOT + t));
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

  /** The fully qualified name of the source's top-level class: rules are checked per class. */
  private static String typeOf(String pkg, Path source) {
    String file = source.getFileName().toString();
    return pkg + "." + file.substring(0, file.length() - ".java".length());
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
