package org.rapporteur.platform.mongo;

import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;

/** Document ids: 24 lowercase hex digits, made here and checked before they reach a query. */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

  private Ids() {}

  public static String newId() {
    return new ObjectId().toHexString();
  }

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** For ids in a path: a malformed one names nothing, so it is simply not found. */
  public static String requirePathId(String id, String what) {
    if (!isValid(id)) {
      throw new NotFoundException("No " + what + " with id '" + abbreviate(id) + "'");
    }
    return id;
  }

  /** For ids in a body: a malformed one is the client's mistake in that field. */
  public static String requireBodyId(String id, String field) {
    if (!isValid(id)) {
      throw InvalidInputException.of(field, "must be an id of 24 hexadecimal digits");
    }
    return id;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
