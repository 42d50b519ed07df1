package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/**
 * A regional initiative adopted at a WTDC for a cycle: {@code AFR1} … {@code EUR5}, unique within
 * its cycle, with an objective and numbered expected results, linked to ITU-D Questions and groups.
 */
public record RegionalInitiative(String id, Region region, String cycle, String code, Text title, Text objective,
    List<Text> expectedResults, List<String> questions, List<String> groupIds, Instant createdAt,
    Instant updatedAt, long version) {
  static final Pattern CODE = Pattern.compile("(AFR|AMS|ARB|ASP|CIS|EUR)[0-9]{1,2}");
  static final Pattern QUESTION = Pattern.compile("Q[0-9]{1,2}/[0-9]{1,2}");

  /** What a create or a change sends; null fields are left as they are. */
  public record Draft(Region region, String cycle, String code, Text title, Text objective, List<Text> expectedResults,
      List<String> questions, List<String> groupIds) {

    public static Draft read(JsonInput in, InitiativesConfig config, boolean create) {
      Region region = create ? in.requiredChoice("region", Region.class) : in.optionalChoice("region", Region.class);
      String cycle = create ? in.requiredString("cycle", 20) : in.optionalString("cycle", 20);
      if (cycle != null && config.cycle(cycle).isEmpty()) {
        in.fail("cycle", "is not a known WTDC cycle");
      }
      String code = create ? in.requiredMatching("code", CODE, "must be a region code and a number, such as AFR1")
          : in.optionalMatching("code", CODE, "must be a region code and a number, such as AFR1");
      if (code != null && region != null && !code.startsWith(region.wire())) {
        in.fail("code", "must start with the initiative's region " + region.wire());
      }
      int max = config.maxTextLength();
      Text title = Text.read(in, "title", max, create);
      Text objective = Text.read(in, "objective", max, create);
      List<Text> results = in.has("expectedResults") ? readTexts(in, "expectedResults", config) : null;
      List<String> questions = in.has("questions") ? RegionalInitiative.questions(in, config) : null;
      List<String> groups = in.has("groupIds") ? ids(in, "groupIds", config.maxListItems()) : null;
      in.done();
      return new Draft(region, cycle, code, title, objective, results, questions, groups);
    }
  }

  static List<Text> readTexts(JsonInput in, String field, InitiativesConfig config) {
    List<Text> texts = new ArrayList<>();
    for (JsonInput item : in.objects(field, config.maxListItems())) {
      Text text = Text.read(item, "text", config.maxTextLength(), true);
      item.optionalInt("number", 0, 1000);
      item.done();
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  static List<String> questions(JsonInput in, InitiativesConfig config) {
    List<String> values = in.stringList("questions", config.maxListItems(), 12);
    for (int i = 0; i < values.size(); i++) {
      if (!QUESTION.matcher(values.get(i)).matches()) {
        in.fail("questions[" + i + "]", "must be a Question such as Q4/1");
      }
    }
    return values;
  }

  static List<String> ids(JsonInput in, String field, int max) {
    List<String> values = in.stringList(field, max, 24);
    for (int i = 0; i < values.size(); i++) {
      if (!Ids.isValid(values.get(i))) {
        in.fail(field + "[" + i + "]", "must be an id of 24 hexadecimal digits");
      }
    }
    return values;
  }

  static RegionalInitiative create(Draft d, Instant now) {
    return new RegionalInitiative(Ids.newId(), d.region(), d.cycle(), d.code(), d.title(), d.objective(),
        d.expectedResults() == null ? List.of() : d.expectedResults(), or(d.questions(), List.of()),
        or(d.groupIds(), List.of()), now, now, 0);
  }

  RegionalInitiative apply(Draft d, Instant now) {
    return new RegionalInitiative(id, or(d.region(), region), or(d.cycle(), cycle), or(d.code(), code),
        or(d.title(), title), or(d.objective(), objective), or(d.expectedResults(), expectedResults),
        or(d.questions(), questions), or(d.groupIds(), groupIds), createdAt, now, version);
  }

  /** Every text by its path, as the translations view names them. */
  Map<String, Text> texts() {
    Map<String, Text> out = new java.util.LinkedHashMap<>();
    out.put("title", title);
    out.put("objective", objective);
    for (int i = 0; i < expectedResults.size(); i++) {
      out.put("expectedResults[" + i + "].text", expectedResults.get(i));
    }
    return out;
  }

  RegionalInitiative withText(String path, Text text) {
    List<Text> results = new ArrayList<>(expectedResults);
    Text t = path.equals("title") ? text : title;
    Text o = path.equals("objective") ? text : objective;
    if (path.startsWith("expectedResults[")) {
      results.set(Integer.parseInt(path.substring(16, path.indexOf(']'))), text);
    }
    return new RegionalInitiative(id, region, cycle, code, t, o, results, questions, groupIds, createdAt,
        Instant.now(), version);
  }

  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("region", region.wire())
        .put("cycle", cycle)
        .put("code", code)
        .put("title", title.toDocument())
        .put("objective", objective.toDocument())
        .put("expectedResults", new JsonArray(expectedResults.stream().map(Text::toDocument).toList()))
        .put("questions", new JsonArray(questions))
        .put("groupIds", new JsonArray(groupIds))
        .put("createdAt", MongoTime.of(createdAt))
        .put("updatedAt", MongoTime.of(updatedAt))
        .put("version", version);
  }

  static RegionalInitiative fromDocument(JsonObject doc) {
    return new RegionalInitiative(doc.getString("_id"), WireEnum.parse(Region.class, doc.getString("region")),
        doc.getString("cycle"), doc.getString("code"), Text.fromDocument(doc.getJsonObject("title")),
        Text.fromDocument(doc.getJsonObject("objective")),
        doc.getJsonArray("expectedResults", new JsonArray()).stream().map(t -> Text.fromDocument((JsonObject) t)).toList(),
        strings(doc.getJsonArray("questions")), strings(doc.getJsonArray("groupIds")),
        MongoTime.read(doc, "createdAt"), MongoTime.read(doc, "updatedAt"), doc.getLong("version", 0L));
  }

  static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  /** For a reader of {@code lang}: each text in that language or its original, marked. */
  public JsonObject toJson(String lang, Cycle cycleInfo) {
    JsonArray results = new JsonArray();
    for (int i = 0; i < expectedResults.size(); i++) {
      results.add(new JsonObject().put("number", i + 1).put("text", expectedResults.get(i).render(lang)));
    }
    return new JsonObject()
        .put("id", id)
        .put("region", region.wire())
        .put("cycle", cycleInfo == null ? new JsonObject().put("code", cycle) : cycleInfo.toJson())
        .put("code", code)
        .put("title", title.render(lang))
        .put("objective", objective.render(lang))
        .put("expectedResults", results)
        .put("questions", new JsonArray(questions))
        .put("groupIds", new JsonArray(groupIds))
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString())
        .put("version", version);
  }
}
