package org.rapporteur.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapporteur.initiative.ProjectParts.Actual;
import org.rapporteur.initiative.ProjectParts.ContributionKind;
import org.rapporteur.initiative.ProjectParts.Lesson;
import org.rapporteur.workspace.Region;

/**
 * The yearly report to TDAG as data, computed once and then written as Word or CSV: per region, its
 * initiatives, and under each the projects active in the year with the money received (cash and in
 * kind apart) and used in that year, in the original currency and in US dollars at the
 * secretariat's monthly rates. A project under two initiatives of a region shows under both but
 * counts once in the region's totals (and once in the grand total).
 */
public record TdagReport(int year, List<RegionPart> regions, Totals total, int initiativeCount, int projectCount) {

  /** What the report is computed from, read beforehand. */
  record Inputs(int year, Region region, List<RegionalInitiative> initiatives, List<Project> projects,
      Map<String, PartnerOrganization> partners, ExchangeRates rates, Map<String, Cycle> cycles,
      Map<String, List<ForumOutcome>> forum, Map<String, List<ConsultationSummary>> consultations) {}

  public record RegionPart(Region region, List<InitiativePart> initiatives, Totals totals, int projectCount) {}

  public record InitiativePart(RegionalInitiative initiative, List<ProjectLine> projects, List<ForumOutcome> forum,
      List<ConsultationSummary> consultations, Totals totals) {}

  public record ProjectLine(Project project, List<PartnerLine> partners, List<MoneyLine> received, List<MoneyLine> used,
      List<IndicatorLine> indicators, List<Lesson> lessons, Totals totals) {}

  public record PartnerLine(String name, PartnerRole role) {}

  /** Money received from a partner ({@code kind} cash or in kind) or spent ({@code kind} null); usd null without a rate. */
  public record MoneyLine(String partner, ContributionKind kind, double amount, String currency, LocalDate date,
      Double usd) {}

  /** An indicator for the year: the actual measured that year (null if none), reached by the latest up to it. */
  public record IndicatorLine(Text name, double baseline, int baselineYear, double target, Double actual,
      boolean reached) {}

  /** An agenda item the forum put on a meeting of the region in the year, with what the chair wrote. */
  public record ForumOutcome(String meetingTitle, Instant meetingStart, String itemTitle, String outcome) {}

  /** A consultation of the year: how many answered, from how many countries, the topics by rank. */
  public record ConsultationSummary(Text question, Instant deadline, int answers, int countries,
      List<String> priorities) {}

  /** Sums in US dollars; {@code unconverted} counts amounts that had no rate and are left out of them. */
  public record Totals(double cashUsd, double inKindUsd, double usedUsd, int unconverted) {
    static final Totals ZERO = new Totals(0, 0, 0, 0);

    Totals plus(Totals o) {
      return new Totals(cashUsd + o.cashUsd, inKindUsd + o.inKindUsd, usedUsd + o.usedUsd, unconverted + o.unconverted);
    }
  }

  static TdagReport build(Inputs in) {
    List<Project> active = in.projects().stream().filter(p -> activeIn(p, in.year())).toList();
    Map<String, ProjectLine> lines = new LinkedHashMap<>();
    active.forEach(p -> lines.put(p.id(), line(p, in)));
    List<RegionPart> regions = new ArrayList<>();
    Map<String, ProjectLine> counted = new LinkedHashMap<>();
    int initiativeCount = 0;
    for (Region region : Region.values()) {
      if (in.region() != null && in.region() != region) {
        continue;
      }
      List<InitiativePart> parts = new ArrayList<>();
      Map<String, ProjectLine> inRegion = new LinkedHashMap<>();
      for (RegionalInitiative initiative : in.initiatives().stream().filter(i -> i.region() == region)
          .sorted(Comparator.comparing(RegionalInitiative::cycle).thenComparing(i -> codeOrder(i.code()))).toList()) {
        List<ProjectLine> projects = active.stream().filter(p -> p.initiativeIds().contains(initiative.id()))
            .map(p -> lines.get(p.id())).toList();
        if (projects.isEmpty() && !runsIn(initiative, in)) {
          continue;
        }
        projects.forEach(l -> inRegion.put(l.project().id(), l));
        parts.add(new InitiativePart(initiative, projects, in.forum().getOrDefault(initiative.id(), List.of()),
            in.consultations().getOrDefault(initiative.id(), List.of()), sum(projects)));
      }
      initiativeCount += parts.size();
      counted.putAll(inRegion);
      regions.add(new RegionPart(region, parts, sum(inRegion.values()), inRegion.size()));
    }
    return new TdagReport(in.year(), regions, sum(counted.values()), initiativeCount, counted.size());
  }

  /** Active in a year: started by its end (or no start known) and not ended before it. */
  static boolean activeIn(Project p, int year) {
    LocalDate start = p.dates().actualStart() != null ? p.dates().actualStart() : p.dates().plannedStart();
    LocalDate end = p.dates().actualEnd() != null ? p.dates().actualEnd() : p.dates().plannedEnd();
    return (start == null || start.getYear() <= year) && (end == null || end.getYear() >= year);
  }

  private static boolean runsIn(RegionalInitiative initiative, Inputs in) {
    Cycle cycle = in.cycles().get(initiative.cycle());
    return cycle != null && cycle.startYear() <= in.year() && in.year() <= cycle.endYear();
  }

  /** AFR2 before AFR10. */
  private static String codeOrder(String code) {
    String digits = code.replaceAll("[^0-9]", "");
    return code.replaceAll("[0-9]", "") + String.format("%04d", digits.isEmpty() ? 0 : Integer.parseInt(digits));
  }

  private static ProjectLine line(Project p, Inputs in) {
    List<PartnerLine> partners = new ArrayList<>();
    List<MoneyLine> received = new ArrayList<>();
    for (ProjectParts.ProjectPartner partner : p.partners()) {
      PartnerOrganization org = in.partners().get(partner.partnerId());
      String name = org == null ? partner.partnerId() : org.name();
      partners.add(new PartnerLine(name, partner.role()));
      for (ProjectParts.Received r : partner.contributions()) {
        if (r.money().date().getYear() == in.year()) {
          received.add(new MoneyLine(name, r.kind(), r.money().amount(), r.money().currency(), r.money().date(),
              in.rates().toUsd(r.money()).orElse(null)));
        }
      }
    }
    List<MoneyLine> used = p.expenditure().stream().filter(e -> e.year() == in.year())
        .map(e -> new MoneyLine(null, null, e.amount(), e.currency(), null,
            in.rates().toUsdForYear(e.amount(), e.currency(), e.year()).orElse(null)))
        .toList();
    List<IndicatorLine> indicators = p.results().stream().flatMap(r -> r.indicators().stream())
        .map(i -> indicator(i, in.year())).toList();
    List<Lesson> lessons = p.lessons().stream().filter(l -> l.at() != null
        && l.at().atZone(java.time.ZoneOffset.UTC).getYear() == in.year()).toList();
    return new ProjectLine(p, partners, received, used, indicators, lessons, totals(received, used));
  }

  private static IndicatorLine indicator(ProjectParts.Indicator i, int year) {
    Double actual = i.actuals().stream().filter(a -> a.year() == year).map(Actual::value).findFirst().orElse(null);
    Optional<Actual> latest = i.actuals().stream().filter(a -> a.year() <= year).max(Comparator.comparingInt(Actual::year));
    boolean reached = latest.isPresent()
        && (i.target() >= i.baseline() ? latest.get().value() >= i.target() : latest.get().value() <= i.target());
    return new IndicatorLine(i.name(), i.baseline(), i.baselineYear(), i.target(), actual, reached);
  }

  private static Totals totals(List<MoneyLine> received, List<MoneyLine> used) {
    double cash = 0;
    double inKind = 0;
    double spent = 0;
    int unconverted = 0;
    for (MoneyLine m : received) {
      if (m.usd() == null) {
        unconverted++;
      } else if (m.kind() == ContributionKind.CASH) {
        cash += m.usd();
      } else {
        inKind += m.usd();
      }
    }
    for (MoneyLine m : used) {
      if (m.usd() == null) {
        unconverted++;
      } else {
        spent += m.usd();
      }
    }
    return new Totals(cash, inKind, spent, unconverted);
  }

  private static Totals sum(java.util.Collection<ProjectLine> lines) {
    return lines.stream().map(ProjectLine::totals).reduce(Totals.ZERO, Totals::plus);
  }
}
