package org.rapporteur.initiative;

import java.util.Map;
import java.util.Optional;

/**
 * The monthly rates to US dollars as the secretariat keeps them (units of a currency per dollar, as
 * the UN operational rates are quoted), read at one moment, for adding money up.
 */
public record ExchangeRates(Map<String, Map<String, Double>> perUsdByMonth) {
  public static final String USD = "USD";

  /** The amount in US dollars at the rate of {@code month} (yyyy-mm), if there is one. */
  public Optional<Double> toUsd(double amount, String currency, String month) {
    if (USD.equals(currency)) {
      return Optional.of(amount);
    }
    Map<String, Double> rates = perUsdByMonth.get(month);
    Double rate = rates == null ? null : rates.get(currency);
    return rate == null ? Optional.empty() : Optional.of(amount / rate);
  }

  public Optional<Double> toUsd(Money money) {
    return toUsd(money.amount(), money.currency(), money.month());
  }

  /** A year's amount, at the rate of the latest month of that year that has one. */
  public Optional<Double> toUsdForYear(double amount, String currency, int year) {
    for (int month = 12; month >= 1; month--) {
      Optional<Double> usd = toUsd(amount, currency, String.format("%04d-%02d", year, month));
      if (usd.isPresent()) {
        return usd;
      }
    }
    return Optional.empty();
  }
}
