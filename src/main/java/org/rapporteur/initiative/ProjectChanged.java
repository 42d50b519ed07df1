package org.rapporteur.initiative;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rapporteur.initiative.ProjectParts.Lesson;
import org.rapporteur.initiative.ProjectParts.Result;
import org.rapporteur.platform.events.Addresses;

/**
 * What the similarity index needs of a project, published on {@link #ADDRESS} (this node only)
 * after every change and given page by page by {@link ProjectService#page} for rebuilds. Each text
 * map holds the text per language (ar, zh, en, fr, ru, es) that it exists in; {@code results} and
 * {@code lessons} join all results (titles and indicator names) and all lessons, one per line.
 */
public record ProjectChanged(String id, String code, String region, List<String> initiativeIds, String status,
    Map<String, String> title, Map<String, String> description, Map<String, String> results,
    Map<String, String> lessons, String originalLanguage, List<String> sdgTargets, List<String> wsisLines,
    boolean replicable, boolean published, boolean deleted) {
  public static final String ADDRESS = Addresses.PROJECT_CHANGED;

  static ProjectChanged of(Project p) {
    return new ProjectChanged(p.id(), p.code(), p.region().wire(), p.initiativeIds(), p.status().wire(),
        p.title().values(), p.description() == null ? Map.of() : p.description().values(),
        joined(p.results(), r -> concat(List.of(r.title()), r.indicators().stream().map(i -> i.name()).toList())),
        joined(p.lessons(), Lesson::texts), p.title().original(), p.sdgTargets(), p.wsisLines(), p.replicable(),
        p.published(), false);
  }

  private static List<Text> concat(List<Text> a, List<Text> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static <T> Map<String, String> joined(List<T> parts, Function<T, List<Text>> texts) {
    Map<String, StringBuilder> out = new LinkedHashMap<>();
    for (T part : parts) {
      for (Text text : texts.apply(part)) {
        text.values().forEach((lang, value) -> out.computeIfAbsent(lang, l -> new StringBuilder()).append(value)
            .append('\n'));
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    out.forEach((lang, value) -> result.put(lang, value.toString().strip()));
    return Map.copyOf(result);
  }

  /** Passes the record by reference: the event never leaves this node. */
  static final class LocalCodec implements MessageCodec<ProjectChanged, ProjectChanged> {
    @Override
    public void encodeToWire(Buffer buffer, ProjectChanged event) {
      throw new UnsupportedOperationException("ProjectChanged is published on this node only");
    }

    @Override
    public ProjectChanged decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("ProjectChanged is published on this node only");
    }

    @Override
    public ProjectChanged transform(ProjectChanged event) {
      return event;
    }

    @Override
    public String name() {
      return "rapporteur.initiative.ProjectChanged";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
