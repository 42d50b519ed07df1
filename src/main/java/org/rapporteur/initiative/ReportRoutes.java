package org.rapporteur.initiative;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.workspace.Region;

/**
 * The yearly TDAG report (Word, CSV: admins and the secretariat, who are checked before the
 * parameters are) and the public IATI file, at addresses that stay the same from year to year.
 */
final class ReportRoutes implements RouteModule {
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final ReportService reports;
  private final InitiativesConfig config;

  ReportRoutes(ReportService reports, InitiativesConfig config) {
    this.reports = reports;
    this.config = config;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/reports/tdag.docx").handler(ctx -> reports.requireReader(Actors.of(ctx))
        .compose(v -> {
          int year = year(ctx);
          Region region = QueryParams.optionalChoice(ctx, "region", Region.class);
          String lang = lang(ctx);
          return reports.tdagDocx(Actors.of(ctx), year, region, lang)
              .map(bytes -> send(ctx, DOCX, "TDAG-report-" + year + suffix(region) + "-" + lang + ".docx",
                  Buffer.buffer(bytes)));
        }).onFailure(ctx::fail));
    router.get("/api/reports/tdag.csv").handler(ctx -> reports.requireReader(Actors.of(ctx))
        .compose(v -> {
          int year = year(ctx);
          Region region = QueryParams.optionalChoice(ctx, "region", Region.class);
          return reports.tdagCsv(Actors.of(ctx), year, region)
              .map(csv -> send(ctx, "text/csv; charset=utf-8", "TDAG-report-" + year + suffix(region) + ".csv",
                  Buffer.buffer(csv)));
        }).onFailure(ctx::fail));
    router.get("/api/iati/activities.xml").handler(ctx -> {
      Integer year = ctx.queryParams().contains("year") ? year(ctx) : null;
      reports.iati(year).onSuccess(bytes -> ctx.response()
              .putHeader("Content-Type", "application/xml; charset=utf-8")
              .putHeader("Cache-Control", "public, max-age=" + config.reports().iatiMaxAgeSeconds())
              .end(Buffer.buffer(bytes)))
          .onFailure(ctx::fail);
    });
  }

  private static Void send(RoutingContext ctx, String type, String fileName, Buffer body) {
    ctx.response().putHeader("Content-Type", type)
        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .putHeader("Cache-Control", "private, no-store")
        .end(body);
    return null;
  }

  private static String suffix(Region region) {
    return region == null ? "" : "-" + region.wire();
  }

  private int year(RoutingContext ctx) {
    return QueryParams.intParam(ctx, "year", reports.currentYear(), ProjectParts.MIN_YEAR, ProjectParts.MAX_YEAR);
  }

  /** {@code lang} when given (one of the six, else 400), otherwise the reader's Accept-Language, else English. */
  private static String lang(RoutingContext ctx) {
    String asked = QueryParams.optionalString(ctx, "lang", 5);
    if (asked != null && !Text.LANGUAGES.contains(asked)) {
      throw InvalidInputException.of("lang", "must be one of " + String.join(", ", Text.LANGUAGES));
    }
    String lang = asked != null ? asked : Languages.of(ctx);
    return lang == null ? "en" : lang;
  }
}
