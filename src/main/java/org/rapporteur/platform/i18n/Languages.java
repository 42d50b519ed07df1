package org.rapporteur.platform.i18n;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.http.QueryParams;

/** The six UN languages, and which one a reader asked for. */
public final class Languages {
  /** In the order the language menu shows them. */
  public static final List<String> ALL = List.of("ar", "zh", "en", "fr", "ru", "es");

  private Languages() {}

  /**
   * The {@code lang} query parameter when given (one of the six, else 400 naming it), otherwise the
   * first of the reader's Accept-Language that we have, else English.
   */
  public static String asked(RoutingContext ctx) {
    String asked = QueryParams.optionalString(ctx, "lang", 5);
    if (asked != null) {
      if (!ALL.contains(asked)) {
        throw InvalidInputException.of("lang", "must be one of " + String.join(", ", ALL));
      }
      return asked;
    }
    return fromHeader(ctx.request().getHeader("Accept-Language"));
  }

  static String fromHeader(String header) {
    if (header != null) {
      for (String part : header.split(",")) {
        String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        if (ALL.contains(primary)) {
          return primary;
        }
      }
    }
    return "en";
  }
}
