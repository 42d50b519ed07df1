package org.rapporteur.initiative;

import static org.rapporteur.platform.csv.Csv.cell;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rapporteur.initiative.ProjectParts.ContributionKind;
import org.rapporteur.initiative.TdagReport.MoneyLine;
import org.rapporteur.initiative.TdagReport.ProjectLine;
import org.rapporteur.platform.csv.Csv;

/**
 * The report as data: one line per project under each initiative (a project under two initiatives
 * has two lines), with the year's sums in US dollars and, beside them, every amount in its original
 * currency. Texts are in their original language, named in the next column.
 */
final class TdagReportCsv {
  static final String HEADER = "year,region,initiative_cycle,initiative_code,project_code,project_title,title_language,"
      + "status,status_code,partners,countries,cash_usd,in_kind_usd,used_usd,unconverted,cash_original,"
      + "in_kind_original,used_original,indicators,indicators_reached,lessons";

  private TdagReportCsv() {}

  static String of(TdagReport report) {
    StringBuilder out = new StringBuilder(Csv.start(HEADER));
    for (TdagReport.RegionPart region : report.regions()) {
      for (TdagReport.InitiativePart initiative : region.initiatives()) {
        for (ProjectLine line : initiative.projects()) {
          Project p = line.project();
          out.append(Csv.line(String.valueOf(report.year()), cell(region.region().wire()),
              cell(initiative.initiative().cycle()), cell(initiative.initiative().code()), cell(p.code()),
              cell(p.title().originalText()), cell(p.title().original()), cell(p.status().wire()),
              String.valueOf(p.status().code()),
              cell(line.partners().stream().map(x -> x.name() + " (" + x.role().wire() + ")")
                  .collect(Collectors.joining("; "))),
              cell(p.countries().stream().map(c -> c.code() + " " + amount(c.share()))
                  .collect(Collectors.joining("; "))),
              amount(line.totals().cashUsd()), amount(line.totals().inKindUsd()), amount(line.totals().usedUsd()),
              String.valueOf(line.totals().unconverted()),
              cell(originals(line.received(), ContributionKind.CASH)),
              cell(originals(line.received(), ContributionKind.IN_KIND)), cell(originals(line.used(), null)),
              String.valueOf(line.indicators().size()),
              String.valueOf(line.indicators().stream().filter(TdagReport.IndicatorLine::reached).count()),
              String.valueOf(line.lessons().size())));
        }
      }
    }
    return out.toString();
  }

  /** "50000.00 EUR 2026-03-15 African Telecommunications Union; ..." */
  private static String originals(List<MoneyLine> lines, ContributionKind kind) {
    return lines.stream().filter(m -> m.kind() == kind)
        .map(m -> amount(m.amount()) + " " + m.currency() + (m.date() == null ? "" : " " + m.date())
            + (m.partner() == null ? "" : " " + m.partner()))
        .collect(Collectors.joining("; "));
  }

  static String amount(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
