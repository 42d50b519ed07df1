package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.realtime.room.RoomName;

/** Reads the fields every chat command shares. Message text is read apart: it may start with '$'. */
final class CommandInput {
  static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  /** Generous: the configured length limit is checked by the service, with its own error code. */
  private static final int TEXT_HARD_LIMIT = 65_536;

  private CommandInput() {}

  /** The body without the fields read apart ({@code type} of a frame and {@code text}). */
  static JsonInput rest(JsonObject body) {
    JsonObject rest = body.copy();
    rest.remove("type");
    rest.remove("text");
    return JsonInput.of(rest);
  }

  static RoomName room(JsonInput in) {
    String value = in.requiredString("room", 64);
    if (value == null) {
      return null;
    }
    try {
      return RoomName.parse(value, "room");
    } catch (InvalidInputException e) {
      in.fail("room", e.errors().get(0).message());
      return null;
    }
  }

  static String clientId(JsonInput in) {
    return in.requiredMatching("clientId", CLIENT_ID, "must be 1 to 64 letters, digits or . _ : -");
  }

  static Long seq(JsonInput in, String field, boolean required) {
    Integer value = in.optionalInt(field, 1, Integer.MAX_VALUE);
    if (value == null && required && !in.has(field)) {
      in.fail(field, "is required");
    }
    return value == null ? null : value.longValue();
  }

  static String text(JsonObject body) {
    Object raw = body.getValue("text");
    if (!(raw instanceof String text) || text.isBlank()) {
      throw InvalidInputException.of("text", "is required");
    }
    if (text.length() > TEXT_HARD_LIMIT || text.indexOf('\u0000') >= 0) {
      throw InvalidInputException.of("text", "must be at most " + TEXT_HARD_LIMIT + " characters, without NUL");
    }
    return text.strip();
  }
}
