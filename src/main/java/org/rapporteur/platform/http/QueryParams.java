package org.rapporteur.platform.http;

import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;

/** Reads query parameters with the same rules as bodies: typed, bounded, named in errors. */
public final class QueryParams {
  private QueryParams() {}

  public static String optionalString(RoutingContext ctx, String name, int maxLength) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw InvalidInputException.of(name, "must be at most " + maxLength + " characters");
    }
    if (value.indexOf('\u0000') >= 0) {
      throw InvalidInputException.of(name, "must not contain NUL characters");
    }
    return value.strip();
  }

  public static String optionalId(RoutingContext ctx, String name) {
    String value = optionalString(ctx, name, 24);
    return value == null ? null : Ids.requireBodyId(value, name);
  }

  public static int intParam(RoutingContext ctx, String name, int defaultValue, int min, int max) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw InvalidInputException.of(name, "must be a whole number from " + min + " to " + max);
  }

  public static <E extends Enum<E> & WireEnum> E optionalChoice(RoutingContext ctx, String name, Class<E> type) {
    String value = optionalString(ctx, name, 64);
    if (value == null) {
      return null;
    }
    E parsed = WireEnum.parse(type, value);
    if (parsed == null) {
      throw InvalidInputException.of(name, "is not a known value");
    }
    return parsed;
  }
}
