package org.rapporteur.realtime.room;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.events.Addresses;

/**
 * A room: {@code <kind>:<id>} such as {@code group:64f0...}. The event-bus address of a room is
 * written down here and nowhere else: {@code rapporteur.room.<kind>:<id>}.
 */
public record RoomName(String kind, String id) {
  private static final Pattern NAME = Pattern.compile("([a-z]{1,20}):([0-9a-f]{24})");

  public static RoomName parse(String value, String field) {
    Matcher m = value == null ? null : NAME.matcher(value);
    if (m == null || !m.matches()) {
      throw InvalidInputException.of(field, "must be a room such as group:<24 hex digits>");
    }
    return new RoomName(m.group(1), m.group(2));
  }

  public static RoomName of(String kind, String id) {
    return new RoomName(kind, id);
  }

  public String address() {
    return Addresses.ROOM_PREFIX + this;
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
