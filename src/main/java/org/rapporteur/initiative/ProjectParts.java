package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** The parts a project is made of, each reading, storing and showing itself. */
public final class ProjectParts {
  private ProjectParts() {}

  static final int MIN_YEAR = 1990;
  static final int MAX_YEAR = 2100;

  /** A beneficiary country (ISO 3166-1 alpha-2) and its share of the project, in percent. */
  public record CountryShare(String code, double share) {
    static CountryShare read(JsonInput in, CodeLists codes) {
      String code = in.requiredString("code", 2);
      if (code != null && !codes.isCountry(code)) {
        in.fail("code", "is not an ISO 3166-1 alpha-2 country code");
      }
      Double share = in.optionalNumber("share", 0, 100);
      if (share == null && !in.has("share")) {
        in.fail("share", "is required (percent)");
      }
      return new CountryShare(code, share == null ? 0 : share);
    }

    JsonObject toJson() {
      return new JsonObject().put("code", code).put("share", share);
    }

    static CountryShare fromJson(JsonObject j) {
      return new CountryShare(j.getString("code"), j.getDouble("share"));
    }
  }

  public enum ContributionKind implements WireEnum {
    CASH("cash"), IN_KIND("in-kind");

    private final String wire;

    ContributionKind(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** What a partner gave: cash or in kind, valued in a currency on a date. */
  public record Received(ContributionKind kind, Money money) {
    static Received read(JsonInput in, CodeLists codes) {
      ContributionKind kind = in.requiredChoice("kind", ContributionKind.class);
      Money money = Money.read(in, codes);
      return new Received(kind, money);
    }

    JsonObject toJson() {
      return money.toJson().put("kind", kind.wire());
    }

    static Received fromJson(JsonObject j) {
      return new Received(WireEnum.parse(ContributionKind.class, j.getString("kind")), Money.fromJson(j));
    }
  }

  /** A partner organization in one role, with the contributions it made. */
  public record ProjectPartner(String partnerId, PartnerRole role, List<Received> contributions) {
    static ProjectPartner read(JsonInput in, CodeLists codes, int maxItems) {
      String partnerId = in.requiredString("partnerId", 24);
      if (partnerId != null && !org.rapporteur.platform.mongo.Ids.isValid(partnerId)) {
        in.fail("partnerId", "must be an id of 24 hexadecimal digits");
      }
      PartnerRole role = in.requiredChoice("role", PartnerRole.class);
      List<Received> received = in.objectList("contributions", maxItems, c -> Received.read(c, codes));
      return new ProjectPartner(partnerId, role, received);
    }

    JsonObject toJson() {
      return new JsonObject().put("partnerId", partnerId).put("role", role.wire()).put("roleCode", role.code())
          .put("contributions", new JsonArray(contributions.stream().map(Received::toJson).toList()));
    }

    static ProjectPartner fromJson(JsonObject j) {
      return new ProjectPartner(j.getString("partnerId"), WireEnum.parse(PartnerRole.class, j.getString("role")),
          j.getJsonArray("contributions", new JsonArray()).stream().map(c -> Received.fromJson((JsonObject) c)).toList());
    }
  }

  /** What was spent in one year; converted at the last month of that year that has a rate. */
  public record Expenditure(int year, double amount, String currency) {
    static Expenditure read(JsonInput in, CodeLists codes) {
      Integer year = in.optionalInt("year", MIN_YEAR, MAX_YEAR);
      if (year == null && !in.has("year")) {
        in.fail("year", "is required");
      }
      Double amount = in.optionalNumber("amount", 0, Money.MAX);
      if (amount == null && !in.has("amount")) {
        in.fail("amount", "is required");
      }
      String currency = in.requiredString("currency", 3);
      if (currency != null && !codes.isCurrency(currency)) {
        in.fail("currency", "is not an ISO 4217 currency code");
      }
      return new Expenditure(year == null ? 0 : year, amount == null ? 0 : amount, currency);
    }

    JsonObject toJson() {
      return new JsonObject().put("year", year).put("amount", amount).put("currency", currency);
    }

    static Expenditure fromJson(JsonObject j) {
      return new Expenditure(j.getInteger("year"), j.getDouble("amount"), j.getString("currency"));
    }
  }

  public record Actual(int year, double value) {
    JsonObject toJson() {
      return new JsonObject().put("year", year).put("value", value);
    }
  }

  /** An indicator: where it started (baseline), where it should get to, and what was measured each year. */
  public record Indicator(Text name, double baseline, int baselineYear, double target, Integer targetYear,
      List<Actual> actuals) {
    static Indicator read(JsonInput in, int maxText, int maxItems) {
      Text name = Text.read(in, "name", maxText, true);
      JsonInput baseline = in.optionalObject("baseline");
      Double baseValue = null;
      Integer baseYear = null;
      if (baseline == null) {
        in.fail("baseline", "is required: {value, year}");
      } else {
        baseValue = required(baseline, baseline.optionalNumber("value", -1e15, 1e15), "value");
        baseYear = required(baseline, baseline.optionalInt("year", MIN_YEAR, MAX_YEAR), "year");
        baseline.done();
      }
      Double target = required(in, in.optionalNumber("target", -1e15, 1e15), "target");
      Integer targetYear = in.optionalInt("targetYear", MIN_YEAR, MAX_YEAR);
      List<Actual> actuals = new ArrayList<>();
      List<JsonInput> items = in.objects("actuals", maxItems);
      for (int i = 0; i < items.size(); i++) {
        JsonInput a = items.get(i);
        Integer year = required(a, a.optionalInt("year", MIN_YEAR, MAX_YEAR), "year");
        Double value = required(a, a.optionalNumber("value", -1e15, 1e15), "value");
        if (year != null && baseYear != null && year < baseYear) {
          a.fail("year", "comes before the baseline year " + baseYear);
        }
        a.done();
        if (year != null && value != null) {
          actuals.add(new Actual(year, value));
        }
      }
      return new Indicator(name, baseValue == null ? 0 : baseValue, baseYear == null ? 0 : baseYear,
          target == null ? 0 : target, targetYear, actuals);
    }

    /** Reached when the latest actual has got to the target, in whichever direction the target lies. */
    public boolean reached() {
      if (actuals.isEmpty()) {
        return false;
      }
      double latest = actuals.stream().max(java.util.Comparator.comparingInt(Actual::year)).get().value();
      return target >= baseline ? latest >= target : latest <= target;
    }

    JsonObject toDocument() {
      return new JsonObject().put("name", name.toDocument())
          .put("baseline", new JsonObject().put("value", baseline).put("year", baselineYear))
          .put("target", target).put("targetYear", targetYear)
          .put("actuals", new JsonArray(actuals.stream().map(Actual::toJson).toList()));
    }

    JsonObject toJson(String lang) {
      return toDocument().put("name", name.render(lang)).put("reached", reached());
    }

    static Indicator fromDocument(JsonObject j) {
      JsonObject b = j.getJsonObject("baseline");
      return new Indicator(Text.fromDocument(j.getJsonObject("name")), b.getDouble("value"), b.getInteger("year"),
          j.getDouble("target"), j.getInteger("targetYear"), j.getJsonArray("actuals", new JsonArray()).stream()
              .map(a -> new Actual(((JsonObject) a).getInteger("year"), ((JsonObject) a).getDouble("value"))).toList());
    }
  }

  /** An expected result of the project and the indicators that measure it. */
  public record Result(Text title, List<Indicator> indicators) {
    static Result read(JsonInput in, int maxText, int maxItems) {
      Text title = Text.read(in, "title", maxText, true);
      List<Indicator> indicators = in.objectList("indicators", maxItems, i -> Indicator.read(i, maxText, maxItems));
      return new Result(title, indicators);
    }

    JsonObject toDocument() {
      return new JsonObject().put("title", title.toDocument())
          .put("indicators", new JsonArray(indicators.stream().map(Indicator::toDocument).toList()));
    }

    JsonObject toJson(String lang) {
      return new JsonObject().put("title", title.render(lang))
          .put("indicators", new JsonArray(indicators.stream().map(i -> i.toJson(lang)).toList()));
    }

    static Result fromDocument(JsonObject j) {
      return new Result(Text.fromDocument(j.getJsonObject("title")), j.getJsonArray("indicators", new JsonArray())
          .stream().map(i -> Indicator.fromDocument((JsonObject) i)).toList());
    }
  }

  /** Planned and actual start and end. */
  public record Dates(LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd) {
    static final Dates NONE = new Dates(null, null, null, null);

    static Dates read(JsonInput in) {
      Dates d = new Dates(Money.date(in, "plannedStart", false), Money.date(in, "plannedEnd", false),
          Money.date(in, "actualStart", false), Money.date(in, "actualEnd", false));
      if (d.plannedStart != null && d.plannedEnd != null && d.plannedEnd.isBefore(d.plannedStart)) {
        in.fail("plannedEnd", "comes before plannedStart");
      }
      if (d.actualStart != null && d.actualEnd != null && d.actualEnd.isBefore(d.actualStart)) {
        in.fail("actualEnd", "comes before actualStart");
      }
      return d;
    }

    JsonObject toJson() {
      return new JsonObject().put("plannedStart", s(plannedStart)).put("plannedEnd", s(plannedEnd))
          .put("actualStart", s(actualStart)).put("actualEnd", s(actualEnd));
    }

    static Dates fromJson(JsonObject j) {
      return j == null ? NONE : new Dates(d(j, "plannedStart"), d(j, "plannedEnd"), d(j, "actualStart"),
          d(j, "actualEnd"));
    }

    private static String s(LocalDate date) {
      return date == null ? null : date.toString();
    }

    private static LocalDate d(JsonObject j, String field) {
      return j.getString(field) == null ? null : LocalDate.parse(j.getString(field));
    }
  }

  /**
   * A lesson learned: what worked, what did not, and what another region would need to replicate
   * the project; written by a manager, the secretariat or a Member State delegate.
   */
  public record Lesson(String id, String authorId, String authorName, String authorCountry, Instant at, Text worked,
      Text didNotWork, Text toReplicate) {
    public static Lesson read(JsonInput in, int maxText) {
      Text worked = Text.read(in, "worked", maxText, false);
      Text didNotWork = Text.read(in, "didNotWork", maxText, false);
      Text toReplicate = Text.read(in, "toReplicate", maxText, false);
      if (worked == null && didNotWork == null && toReplicate == null && !in.hasErrors()) {
        in.fail("worked", "at least one of worked, didNotWork and toReplicate is required");
      }
      in.done();
      return new Lesson(null, null, null, null, null, worked, didNotWork, toReplicate);
    }

    Lesson by(String newId, String userId, String name, String country, Instant when) {
      return new Lesson(newId, userId, name, country, when, worked, didNotWork, toReplicate);
    }

    List<Text> texts() {
      return java.util.stream.Stream.of(worked, didNotWork, toReplicate).filter(java.util.Objects::nonNull).toList();
    }

    JsonObject toDocument() {
      return new JsonObject().put("id", id).put("authorId", authorId).put("authorName", authorName)
          .put("authorCountry", authorCountry).put("at", MongoTime.of(at))
          .put("worked", worked == null ? null : worked.toDocument())
          .put("didNotWork", didNotWork == null ? null : didNotWork.toDocument())
          .put("toReplicate", toReplicate == null ? null : toReplicate.toDocument());
    }

    JsonObject toJson(String lang) {
      return new JsonObject().put("id", id).put("authorId", authorId).put("authorName", authorName)
          .put("authorCountry", authorCountry).put("at", at.toString())
          .put("worked", worked == null ? null : worked.render(lang))
          .put("didNotWork", didNotWork == null ? null : didNotWork.render(lang))
          .put("toReplicate", toReplicate == null ? null : toReplicate.render(lang));
    }

    static Lesson fromDocument(JsonObject j) {
      return new Lesson(j.getString("id"), j.getString("authorId"), j.getString("authorName"),
          j.getString("authorCountry"), MongoTime.read(j, "at"), Text.fromDocument(j.getJsonObject("worked")),
          Text.fromDocument(j.getJsonObject("didNotWork")), Text.fromDocument(j.getJsonObject("toReplicate")));
    }
  }

  static <T> T required(JsonInput in, T value, String field) {
    if (value == null && !in.has(field)) {
      in.fail(field, "is required");
    }
    return value;
  }
}
