package org.rapporteur.platform.json;

/** An enum whose constants travel as fixed lower-case strings (e.g. {@code vice-chair}). */
public interface WireEnum {
  String wire();

  static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(value)) {
        return constant;
      }
    }
    return null;
  }
}
