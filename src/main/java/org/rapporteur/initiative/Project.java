package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rapporteur.initiative.ProjectParts.CountryShare;
import org.rapporteur.initiative.ProjectParts.Dates;
import org.rapporteur.initiative.ProjectParts.Expenditure;
import org.rapporteur.initiative.ProjectParts.Lesson;
import org.rapporteur.initiative.ProjectParts.ProjectPartner;
import org.rapporteur.initiative.ProjectParts.Result;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/**
 * Work under one or more regional initiatives. Its region is the region of its first initiative;
 * an initiative of another region is accepted only with {@code crossRegion} set.
 */
public record Project(String id, String code, List<String> initiativeIds, boolean crossRegion, Region region,
    Text title, Text description, ActivityStatus status, Dates dates, List<CountryShare> countries,
    List<ProjectPartner> partners, Money budget, List<Expenditure> expenditure, List<Result> results,
    List<String> sdgTargets, List<String> wsisLines, List<String> questions, List<String> groupIds,
    List<String> contributionIds, List<String> meetingIds, boolean seekingPartners, boolean replicable,
    String replicatedFrom, boolean published, List<String> managers, List<Lesson> lessons, Instant createdAt,
    Instant updatedAt, long version) {
  static final Pattern CODE = Pattern.compile("[0-9]R[A-Z]{2,3}[0-9]{4,6}(-[0-9]{2})?");

  /** What a create or change sends; null fields are left as they are. */
  public record Draft(String code, List<String> initiativeIds, Boolean crossRegion, Text title, Text description,
      ActivityStatus status, Dates dates, List<CountryShare> countries, List<ProjectPartner> partners, Money budget,
      List<Expenditure> expenditure, List<Result> results, List<String> sdgTargets, List<String> wsisLines,
      List<String> questions, List<String> groupIds, List<String> contributionIds, List<String> meetingIds,
      Boolean seekingPartners, Boolean replicable, String replicatedFrom, Boolean published, List<String> managers) {

    public static Draft read(JsonInput in, CodeLists codes, InitiativesConfig config, boolean create) {
      int maxText = config.maxTextLength();
      int maxItems = config.maxListItems();
      String code = create ? in.requiredMatching("code", CODE, "must be a project code such as 9RAF10084-04")
          : in.optionalMatching("code", CODE, "must be a project code such as 9RAF10084-04");
      List<String> initiatives = in.has("initiativeIds") || create ? RegionalInitiative.ids(in, "initiativeIds", 20) : null;
      if (initiatives != null && initiatives.isEmpty()) {
        in.fail("initiativeIds", "names at least one initiative");
      }
      Boolean crossRegion = in.optionalBoolean("crossRegion");
      Text title = Text.read(in, "title", maxText, create);
      Text description = Text.read(in, "description", maxText, false);
      ActivityStatus status = in.optionalChoice("status", ActivityStatus.class);
      JsonInput datesIn = in.optionalObject("dates");
      Dates dates = null;
      if (datesIn != null) {
        dates = Dates.read(datesIn);
        datesIn.done();
      }
      List<CountryShare> countries = in.has("countries") ? countries(in, codes, maxItems) : null;
      List<ProjectPartner> partners = in.has("partners")
          ? in.objectList("partners", maxItems, p -> ProjectPartner.read(p, codes, maxItems)) : null;
      JsonInput budgetIn = in.optionalObject("budget");
      Money budget = null;
      if (budgetIn != null) {
        budget = Money.read(budgetIn, codes);
        budgetIn.done();
      }
      List<Expenditure> expenditure = in.has("expenditure")
          ? in.objectList("expenditure", maxItems, e -> Expenditure.read(e, codes)) : null;
      List<Result> results = in.has("results")
          ? in.objectList("results", maxItems, r -> Result.read(r, maxText, maxItems)) : null;
      List<String> sdg = in.has("sdgTargets") ? codes(in, "sdgTargets", codes::isSdgTarget,
          "is not a UN SDG target such as 9.c", maxItems) : null;
      List<String> wsis = in.has("wsisLines") ? codes(in, "wsisLines", CodeLists::isWsisLine,
          "is not a WSIS action line C1 to C11", maxItems) : null;
      List<String> questions = in.has("questions") ? RegionalInitiative.questions(in, config) : null;
      List<String> groups = in.has("groupIds") ? RegionalInitiative.ids(in, "groupIds", maxItems) : null;
      List<String> contributions = in.has("contributionIds") ? RegionalInitiative.ids(in, "contributionIds", maxItems) : null;
      List<String> meetings = in.has("meetingIds") ? RegionalInitiative.ids(in, "meetingIds", maxItems) : null;
      Boolean seeking = in.optionalBoolean("seekingPartners");
      Boolean replicable = in.optionalBoolean("replicable");
      String replicatedFrom = in.optionalString("replicatedFrom", 24);
      if (replicatedFrom != null && !Ids.isValid(replicatedFrom)) {
        in.fail("replicatedFrom", "must be an id of 24 hexadecimal digits");
      }
      Boolean published = in.optionalBoolean("published");
      List<String> managers = in.has("managers") ? RegionalInitiative.ids(in, "managers", maxItems) : null;
      in.done();
      return new Draft(code, initiatives, crossRegion, title, description, status, dates, countries, partners, budget,
          expenditure, results, sdg, wsis, questions, groups, contributions, meetings, seeking, replicable,
          replicatedFrom, published, managers);
    }

    private static List<CountryShare> countries(JsonInput in, CodeLists codes, int maxItems) {
      List<CountryShare> list = in.objectList("countries", maxItems, c -> CountryShare.read(c, codes));
      double total = list.stream().mapToDouble(CountryShare::share).sum();
      if (!list.isEmpty() && Math.abs(total - 100) > 0.01) {
        in.fail("countries", "shares must add up to 100 (they add up to " + total + ")");
      }
      if (list.stream().map(CountryShare::code).distinct().count() < list.size()) {
        in.fail("countries", "names a country twice");
      }
      return list;
    }

    private static List<String> codes(JsonInput in, String field, java.util.function.Predicate<String> known,
        String problem, int maxItems) {
      List<String> values = in.stringList(field, maxItems, 10);
      for (int i = 0; i < values.size(); i++) {
        if (!known.test(values.get(i))) {
          in.fail(field + "[" + i + "]", problem);
        }
      }
      return values;
    }
  }

  static Project create(Draft d, Region region, String creatorId, Instant now) {
    List<String> managers = new ArrayList<>(or(d.managers(), List.of()));
    if (creatorId != null && !managers.contains(creatorId)) {
      managers.add(creatorId);
    }
    return new Project(Ids.newId(), d.code(), d.initiativeIds(), Boolean.TRUE.equals(d.crossRegion()), region,
        d.title(), d.description(), or(d.status(), ActivityStatus.PIPELINE), or(d.dates(), Dates.NONE),
        or(d.countries(), List.of()), or(d.partners(), List.of()), d.budget(), or(d.expenditure(), List.of()),
        or(d.results(), List.of()), or(d.sdgTargets(), List.of()), or(d.wsisLines(), List.of()),
        or(d.questions(), List.of()), or(d.groupIds(), List.of()), or(d.contributionIds(), List.of()),
        or(d.meetingIds(), List.of()), Boolean.TRUE.equals(d.seekingPartners()), Boolean.TRUE.equals(d.replicable()),
        d.replicatedFrom(), Boolean.TRUE.equals(d.published()), List.copyOf(managers), List.of(), now, now, 0);
  }

  Project apply(Draft d, Region newRegion, Instant now) {
    return new Project(id, or(d.code(), code), or(d.initiativeIds(), initiativeIds), or(d.crossRegion(), crossRegion),
        newRegion, or(d.title(), title), or(d.description(), description), or(d.status(), status),
        or(d.dates(), dates), or(d.countries(), countries), or(d.partners(), partners), or(d.budget(), budget),
        or(d.expenditure(), expenditure), or(d.results(), results), or(d.sdgTargets(), sdgTargets),
        or(d.wsisLines(), wsisLines), or(d.questions(), questions), or(d.groupIds(), groupIds),
        or(d.contributionIds(), contributionIds), or(d.meetingIds(), meetingIds),
        or(d.seekingPartners(), seekingPartners), or(d.replicable(), replicable), or(d.replicatedFrom(), replicatedFrom),
        or(d.published(), published), or(d.managers(), managers), lessons, createdAt, now, version);
  }

  Project withLessons(List<Lesson> newLessons, Instant now) {
    return new Project(id, code, initiativeIds, crossRegion, region, title, description, status, dates, countries,
        partners, budget, expenditure, results, sdgTargets, wsisLines, questions, groupIds, contributionIds,
        meetingIds, seekingPartners, replicable, replicatedFrom, published, managers, newLessons, createdAt, now,
        version);
  }

  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  public boolean managedBy(String userId) {
    return userId != null && managers.contains(userId);
  }

  /** Every text by its path, as the translations view and the similarity index see them. */
  Map<String, Text> texts() {
    Map<String, Text> out = new LinkedHashMap<>();
    out.put("title", title);
    if (description != null) {
      out.put("description", description);
    }
    for (int i = 0; i < results.size(); i++) {
      out.put("results[" + i + "].title", results.get(i).title());
      for (int j = 0; j < results.get(i).indicators().size(); j++) {
        out.put("results[" + i + "].indicators[" + j + "].name", results.get(i).indicators().get(j).name());
      }
    }
    for (int i = 0; i < lessons.size(); i++) {
      Lesson l = lessons.get(i);
      putIf(out, "lessons[" + i + "].worked", l.worked());
      putIf(out, "lessons[" + i + "].didNotWork", l.didNotWork());
      putIf(out, "lessons[" + i + "].toReplicate", l.toReplicate());
    }
    return out;
  }

  private static void putIf(Map<String, Text> out, String path, Text text) {
    if (text != null) {
      out.put(path, text);
    }
  }

  /** A copy with the text at {@code path} (a path of {@link #texts()}) replaced. */
  Project withText(String path, Text text) {
    JsonObject doc = toDocument();
    Object node = doc;
    String[] steps = path.replace("]", "").replace("[", ".").split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      node = node instanceof JsonObject o ? o.getValue(steps[i]) : ((JsonArray) node).getValue(Integer.parseInt(steps[i]));
    }
    ((JsonObject) node).put(steps[steps.length - 1], text.toDocument());
    return fromDocument(doc);
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("code", code)
        .put("initiativeIds", new JsonArray(initiativeIds))
        .put("crossRegion", crossRegion)
        .put("region", region.wire())
        .put("title", title.toDocument())
        .put("description", description == null ? null : description.toDocument())
        .put("status", status.wire())
        .put("dates", dates.toJson())
        .put("countries", new JsonArray(countries.stream().map(CountryShare::toJson).toList()))
        .put("countryCodes", new JsonArray(countries.stream().map(CountryShare::code).toList()))
        .put("partners", new JsonArray(partners.stream().map(ProjectPartner::toJson).toList()))
        .put("partnerIds", new JsonArray(partners.stream().map(ProjectPartner::partnerId).distinct().toList()))
        .put("budget", budget == null ? null : budget.toJson())
        .put("expenditure", new JsonArray(expenditure.stream().map(Expenditure::toJson).toList()))
        .put("results", new JsonArray(results.stream().map(Result::toDocument).toList()))
        .put("sdgTargets", new JsonArray(sdgTargets))
        .put("wsisLines", new JsonArray(wsisLines))
        .put("questions", new JsonArray(questions))
        .put("groupIds", new JsonArray(groupIds))
        .put("contributionIds", new JsonArray(contributionIds))
        .put("meetingIds", new JsonArray(meetingIds))
        .put("seekingPartners", seekingPartners)
        .put("replicable", replicable)
        .put("replicatedFrom", replicatedFrom)
        .put("published", published)
        .put("managers", new JsonArray(managers))
        .put("lessons", new JsonArray(lessons.stream().map(Lesson::toDocument).toList()))
        .put("searchText", searchText())
        .put("createdAt", MongoTime.of(createdAt))
        .put("updatedAt", MongoTime.of(updatedAt))
        .put("version", version);
  }

  /** Code and every text in every language, lower-cased, for the {@code q} filter. */
  private String searchText() {
    StringBuilder out = new StringBuilder(code.toLowerCase(java.util.Locale.ROOT));
    for (Text t : texts().values()) {
      t.values().values().forEach(v -> out.append(' ').append(v.toLowerCase(java.util.Locale.ROOT)));
    }
    return out.toString();
  }

  static Project fromDocument(JsonObject doc) {
    return new Project(doc.getString("_id"), doc.getString("code"), strings(doc, "initiativeIds"),
        doc.getBoolean("crossRegion", false), WireEnum.parse(Region.class, doc.getString("region")),
        Text.fromDocument(doc.getJsonObject("title")), Text.fromDocument(doc.getJsonObject("description")),
        WireEnum.parse(ActivityStatus.class, doc.getString("status")), Dates.fromJson(doc.getJsonObject("dates")),
        objects(doc, "countries").stream().map(CountryShare::fromJson).toList(),
        objects(doc, "partners").stream().map(ProjectPartner::fromJson).toList(),
        Money.fromJson(doc.getJsonObject("budget")),
        objects(doc, "expenditure").stream().map(Expenditure::fromJson).toList(),
        objects(doc, "results").stream().map(Result::fromDocument).toList(),
        strings(doc, "sdgTargets"), strings(doc, "wsisLines"), strings(doc, "questions"), strings(doc, "groupIds"),
        strings(doc, "contributionIds"), strings(doc, "meetingIds"), doc.getBoolean("seekingPartners", false),
        doc.getBoolean("replicable", false), doc.getString("replicatedFrom"), doc.getBoolean("published", false),
        strings(doc, "managers"), objects(doc, "lessons").stream().map(Lesson::fromDocument).toList(),
        MongoTime.read(doc, "createdAt"), MongoTime.read(doc, "updatedAt"), doc.getLong("version", 0L));
  }

  private static List<String> strings(JsonObject doc, String field) {
    return RegionalInitiative.strings(doc.getJsonArray(field));
  }

  private static List<JsonObject> objects(JsonObject doc, String field) {
    return doc.getJsonArray(field, new JsonArray()).stream().map(o -> (JsonObject) o).toList();
  }

  /** For a reader of {@code lang}; {@code replications} are the projects that name this one as their source. */
  public JsonObject toJson(String lang, List<String> replications) {
    JsonObject json = toDocument();
    json.remove("_id");
    json.remove("searchText");
    json.remove("countryCodes");
    json.remove("partnerIds");
    return json.put("id", id)
        .put("title", title.render(lang))
        .put("description", description == null ? null : description.render(lang))
        .put("statusCode", status.code())
        .put("results", new JsonArray(results.stream().map(r -> r.toJson(lang)).toList()))
        .put("lessons", new JsonArray(lessons.stream().map(l -> l.toJson(lang)).toList()))
        .put("replications", new JsonArray(replications))
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }
}
