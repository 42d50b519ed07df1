package org.rapporteur.initiative;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** The reader's language: the {@code lang} query parameter, else the first of Accept-Language we have. */
final class Languages {
  private Languages() {}

  static String of(RoutingContext ctx) {
    String asked = ctx.queryParams().get("lang");
    if (asked != null && Text.LANGUAGES.contains(asked.strip())) {
      return asked.strip();
    }
    String header = ctx.request().getHeader("Accept-Language");
    if (header != null) {
      for (String part : header.split(",")) {
        String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        if (Text.LANGUAGES.contains(primary)) {
          return primary;
        }
      }
    }
    return null;
  }
}
