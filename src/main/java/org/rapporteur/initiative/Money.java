package org.rapporteur.initiative;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.rapporteur.platform.json.JsonInput;

/**
 * An amount in a currency on a date. The date's month picks the exchange rate that turns it into
 * US dollars, so every amount must have a rate for its month (checked by the service).
 */
public record Money(double amount, String currency, LocalDate date) {
  static final double MAX = 1e12;

  static Money read(JsonInput in, CodeLists codes) {
    Double amount = in.optionalNumber("amount", 0, MAX);
    if (amount == null && !in.has("amount")) {
      in.fail("amount", "is required");
    }
    String currency = in.requiredString("currency", 3);
    if (currency != null && !codes.isCurrency(currency)) {
      in.fail("currency", "is not an ISO 4217 currency code");
    }
    LocalDate date = date(in, "date", true);
    return amount == null || currency == null || date == null ? null : new Money(amount, currency, date);
  }

  static LocalDate date(JsonInput in, String field, boolean required) {
    String text = required ? in.requiredString(field, 10) : in.optionalString(field, 10);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      in.fail(field, "must be a date such as 2026-03-31");
      return null;
    }
  }

  /** The month whose rate applies, as {@code yyyy-mm}. */
  public String month() {
    return date.toString().substring(0, 7);
  }

  JsonObject toJson() {
    return new JsonObject().put("amount", amount).put("currency", currency).put("date", date.toString());
  }

  static Money fromJson(JsonObject json) {
    return json == null ? null : new Money(json.getDouble("amount"), json.getString("currency"),
        LocalDate.parse(json.getString("date")));
  }
}
