package org.rapporteur.account;

import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rapporteur.platform.json.JsonInput;

/**
 * A change of one's own profile: only the fields sent change. The country is an ISO 3166 code, the
 * language one of the six the pages speak, the time zone an IANA name; language, time zone and
 * affiliation are cleared by sending null.
 */
record ProfileChanges(JsonObject set, List<String> unset) {
  static final Set<String> LANGUAGES = Set.of("ar", "zh", "en", "fr", "ru", "es");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  static ProfileChanges from(JsonInput in) {
    JsonObject set = new JsonObject();
    List<String> unset = new ArrayList<>();
    if (in.has("name")) {
      put(set, "name", in.requiredString("name", 120));
    }
    if (in.has("country")) {
      String country = in.requiredString("country", 2);
      if (country != null && !COUNTRIES.contains(country)) {
        in.fail("country", "must be an ISO 3166 country code of two capital letters, such as SN");
      } else {
        put(set, "country", country);
      }
    }
    clearable(in, set, unset, "affiliation", in.optionalString("affiliation", 200));
    String language = in.optionalString("language", 2);
    if (language != null && !LANGUAGES.contains(language)) {
      in.fail("language", "must be one of ar, zh, en, fr, ru, es");
    } else {
      clearable(in, set, unset, "language", language);
    }
    String zone = in.optionalString("timeZone", 64);
    if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
      in.fail("timeZone", "must be an IANA time zone, such as Africa/Dakar");
    } else {
      clearable(in, set, unset, "timeZone", zone);
    }
    in.done();
    return new ProfileChanges(set, unset);
  }

  private static void put(JsonObject set, String field, String value) {
    if (value != null) {
      set.put(field, value);
    }
  }

  private static void clearable(JsonInput in, JsonObject set, List<String> unset, String field, String value) {
    if (value != null) {
      set.put(field, value);
    } else if (in.has(field)) {
      unset.add(field);
    }
  }
}
