package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.json.JsonInput;

/** Monthly exchange rates to US dollars, kept by the secretariat; anyone may read them. */
public final class ExchangeRateService {
  static final Pattern MONTH = Pattern.compile("(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])");

  private final ExchangeRateStore store;
  private final AuditTrail audit;
  private final java.util.function.Supplier<CodeLists> codes;

  ExchangeRateService(ExchangeRateStore store, AuditTrail audit, java.util.function.Supplier<CodeLists> codes) {
    this.store = store;
    this.audit = audit;
    this.codes = codes;
  }

  /** Reads {@code {"rates": {"EUR": 0.92, ...}}}: units of each currency per US dollar. */
  public Map<String, Double> readRates(JsonInput in) {
    JsonInput rates = in.optionalObject("rates");
    Map<String, Double> out = new LinkedHashMap<>();
    if (rates == null) {
      in.fail("rates", "is required: units of each currency per US dollar");
    } else {
      for (String currency : rates.fieldNames()) {
        Double rate = rates.optionalNumber(currency, 1e-9, 1e12);
        if (!codes.get().isCurrency(currency)) {
          rates.fail(currency, "is not an ISO 4217 currency code");
        } else if (rate != null) {
          out.put(currency, rate);
        }
      }
      rates.done();
    }
    in.done();
    return out;
  }

  /** Sets the rates of one month, replacing what it had. Admins and the secretariat. */
  public Future<Map<String, Double>> put(Actor actor, String month, Map<String, Double> perUsd) {
    return InitiativeService.requireStaff(actor)
        .map(v -> checkMonth(month))
        .compose(m -> store.put(m, perUsd))
        .compose(v -> audit.record(actor, "exchange-rates.put", "exchange-rates", month,
            new JsonObject().put("perUsd", new JsonObject(new LinkedHashMap<>(perUsd)))))
        .map(perUsd);
  }

  public Future<Map<String, Double>> month(String month) {
    String m = checkMonth(month);
    return store.month(m).map(found -> found.orElseThrow(() -> new NotFoundException("No rates for " + m)));
  }

  /** Every month's rates at this moment: what the report and the checks convert with. */
  public Future<ExchangeRates> snapshot() {
    return store.all().map(ExchangeRates::new);
  }

  public Future<Optional<Double>> toUsd(Money money) {
    return snapshot().map(rates -> rates.toUsd(money));
  }

  static String checkMonth(String month) {
    if (month == null || !MONTH.matcher(month).matches()) {
      throw InvalidInputException.of("month", "must be a month such as 2026-03");
    }
    return month;
  }
}
