package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rapporteur.initiative.ProjectParts.Lesson;
import org.rapporteur.initiative.ProjectParts.Result;
import org.rapporteur.platform.events.Addresses;

/**
 * What the similarity index needs of a project, published as JSON on
 * {@link Addresses#PROJECT_CHANGED} after every change and given page by page by
 * {@link ProjectService#page} for rebuilds, so that the index never calls the service back. Each text
 * map holds the text per language (ar, zh, en, fr, ru, es) that it exists in; {@code results} and
 * {@code lessons} join all results (titles and indicator names) and all lessons, one per line;
 * {@code replicatedFrom} is the id of the project this one replicates, or null.
 */
public record ProjectChanged(String id, String code, String region, List<String> initiativeIds, String status,
    Map<String, String> title, Map<String, String> description, Map<String, String> results,
    Map<String, String> lessons, String originalLanguage, List<String> sdgTargets, List<String> wsisLines,
    boolean replicable, String replicatedFrom, boolean published, boolean deleted) {

  static ProjectChanged of(Project p) {
    return new ProjectChanged(p.id(), p.code(), p.region().wire(), p.initiativeIds(), p.status().wire(),
        p.title().values(), p.description() == null ? Map.of() : p.description().values(),
        joined(p.results(), r -> concat(List.of(r.title()), r.indicators().stream().map(i -> i.name()).toList())),
        joined(p.lessons(), Lesson::texts), p.title().original(), p.sdgTargets(), p.wsisLines(), p.replicable(),
        p.replicatedFrom(), p.published(), false);
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

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id).put("code", code).put("region", region)
        .put("initiativeIds", new JsonArray(initiativeIds)).put("status", status)
        .put("title", new JsonObject(new LinkedHashMap<>(title)))
        .put("description", new JsonObject(new LinkedHashMap<>(description)))
        .put("results", new JsonObject(new LinkedHashMap<>(results)))
        .put("lessons", new JsonObject(new LinkedHashMap<>(lessons)))
        .put("originalLanguage", originalLanguage)
        .put("sdgTargets", new JsonArray(sdgTargets)).put("wsisLines", new JsonArray(wsisLines))
        .put("replicable", replicable).put("replicatedFrom", replicatedFrom)
        .put("published", published).put("deleted", deleted);
  }

  public static ProjectChanged fromJson(JsonObject json) {
    return new ProjectChanged(json.getString("id"), json.getString("code"), json.getString("region"),
        strings(json, "initiativeIds"), json.getString("status"), texts(json, "title"), texts(json, "description"),
        texts(json, "results"), texts(json, "lessons"), json.getString("originalLanguage"), strings(json, "sdgTargets"),
        strings(json, "wsisLines"), json.getBoolean("replicable", false), json.getString("replicatedFrom"),
        json.getBoolean("published", false), json.getBoolean("deleted", false));
  }

  private static List<String> strings(JsonObject json, String field) {
    return json.getJsonArray(field, new JsonArray()).stream().map(String::valueOf).toList();
  }

  private static Map<String, String> texts(JsonObject json, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    json.getJsonObject(field, new JsonObject()).forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    return Map.copyOf(out);
  }
}
