package org.rapporteur.calendar;

import io.vertx.core.json.JsonObject;

/** The {@code calendar} section: how far back a personal feed reaches, and at most how many events it holds. */
public record CalendarConfig(int feedPastDays, int feedMaxEvents) {
  public static CalendarConfig fromJson(JsonObject json) {
    return new CalendarConfig(json.getInteger("feedPastDays", 90), json.getInteger("feedMaxEvents", 500));
  }
}
