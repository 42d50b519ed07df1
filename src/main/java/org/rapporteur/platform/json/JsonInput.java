package org.rapporteur.platform.json;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnsupportedMediaTypeException;

/**
 * Reads one JSON request body field by field, collecting every problem with the field it concerns.
 * Each record type reads itself through this in one {@code from(JsonInput)} method and ends with
 * {@link #done()}, which also refuses fields nobody read. No string that starts with {@code $}
 * gets through, so user input can never become a MongoDB operator.
 */
public final class JsonInput {
  private final JsonObject body;
  private final String prefix;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<FieldError> errors;

  private JsonInput(JsonObject body) {
    this(body, "", new ArrayList<>());
  }

  private JsonInput(JsonObject body, String prefix, List<FieldError> errors) {
    this.body = body;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static JsonInput of(JsonObject body) {
    return new JsonInput(body == null ? new JsonObject() : body);
  }

  /** The request's body as a JSON object; 415 for another content type, 400 for bad JSON. */
  public static JsonInput from(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().split(";")[0].trim().equals("application/json")) {
      throw new UnsupportedMediaTypeException("Send the body as application/json");
    }
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw InvalidInputException.of("body", "a JSON object is required");
    }
    try {
      Object value = Json.decodeValue(ctx.body().buffer());
      if (!(value instanceof JsonObject object)) {
        throw InvalidInputException.of("body", "must be a JSON object");
      }
      return of(object);
    } catch (DecodeException e) {
      throw InvalidInputException.of("body", "is not well-formed JSON");
    }
  }

  public boolean has(String field) {
    return body.containsKey(field);
  }

  public String requiredString(String field, int maxLength) {
    String value = optionalString(field, maxLength);
    if (value == null && !hasError(field)) {
      fail(field, "is required");
    }
    return value;
  }

  /** A trimmed string, or null when absent, null or blank. */
  public String optionalString(String field, int maxLength) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      fail(field, "must be a string");
      return null;
    }
    String value = s.strip();
    String problem = stringProblem(value, maxLength);
    if (problem != null) {
      fail(field, problem);
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  public String requiredMatching(String field, Pattern pattern, String expectation) {
    String value = requiredString(field, 200);
    return checkPattern(field, value, pattern, expectation);
  }

  public String optionalMatching(String field, Pattern pattern, String expectation) {
    String value = optionalString(field, 200);
    return checkPattern(field, value, pattern, expectation);
  }

  public <E extends Enum<E> & WireEnum> E requiredChoice(String field, Class<E> type) {
    E value = optionalChoice(field, type);
    if (value == null && !hasError(field)) {
      fail(field, "is required; one of " + choices(type));
    }
    return value;
  }

  public <E extends Enum<E> & WireEnum> E optionalChoice(String field, Class<E> type) {
    String value = optionalString(field, 64);
    if (value == null) {
      return null;
    }
    E parsed = WireEnum.parse(type, value);
    if (parsed == null) {
      fail(field, "must be one of " + choices(type));
    }
    return parsed;
  }

  public Integer optionalInt(String field, int min, int max) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < min
        || ((Number) raw).longValue() > max) {
      fail(field, "must be a whole number from " + min + " to " + max);
      return null;
    }
    return ((Number) raw).intValue();
  }

  public Boolean optionalBoolean(String field) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Boolean b)) {
      fail(field, "must be true or false");
      return null;
    }
    return b;
  }

  /** A list of distinct strings; absent gives an empty list. */
  public List<String> stringList(String field, int maxItems, int maxLength) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      fail(field, "must be an array of strings");
      return List.of();
    }
    if (array.size() > maxItems) {
      fail(field, "may hold at most " + maxItems + " items");
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      String problem = item instanceof String s ? stringProblem(s.strip(), maxLength) : "must be a string";
      if (problem == null && ((String) item).isBlank()) {
        problem = "must not be blank";
      }
      if (problem != null) {
        fail(field + "[" + i + "]", problem);
      } else {
        values.add(((String) item).strip());
      }
    }
    return List.copyOf(values);
  }

  /**
   * A list of nested objects, each read by its own input whose problems are named with their
   * path ({@code items[2].title}) and reported with this input's when it is done.
   */
  public List<JsonInput> objects(String field, int maxItems) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array) || array.size() > maxItems) {
      fail(field, "must be an array of at most " + maxItems + " objects");
      return List.of();
    }
    List<JsonInput> children = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject object) {
        children.add(new JsonInput(object, prefix + field + "[" + i + "].", errors));
      } else {
        fail(field + "[" + i + "]", "must be an object");
      }
    }
    return children;
  }

  /**
   * A list of objects, each read by {@code reader} from its own input; problems are named
   * {@code field[i].name}, unknown fields included. Items with problems are left out.
   */
  public <T> List<T> objectList(String field, int maxItems, java.util.function.Function<JsonInput, T> reader) {
    List<T> values = new ArrayList<>();
    for (JsonInput child : objects(field, maxItems)) {
      int before = errors.size();
      T value = reader.apply(child);
      child.done();
      if (errors.size() == before) {
        values.add(value);
      }
    }
    return values;
  }

  /** True when the field holds a JSON string (for fields that take a string or an object). */
  public boolean isString(String field) {
    return body.getValue(field) instanceof String;
  }

  /**
   * A nested object read by its own input whose problems are named {@code field.name}; null when
   * absent. The caller ends it with {@link #done()}, which then reports unknown fields too.
   */
  public JsonInput optionalObject(String field) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonObject object)) {
      fail(field, "must be an object");
      return null;
    }
    return new JsonInput(object, prefix + field + ".", errors);
  }

  /** A finite number from {@code min} to {@code max}, or null when absent. */
  public Double optionalNumber(String field, double min, double max) {
    read.add(field);
    Object raw = body.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
        || n.doubleValue() > max) {
      fail(field, "must be a number from " + min + " to " + max);
      return null;
    }
    return n.doubleValue();
  }

  /** The names of the fields present, for objects keyed by data (e.g. a rate per currency). */
  public Set<String> fieldNames() {
    return Set.copyOf(body.fieldNames());
  }

  /** True when this input, or any input sharing its problems, has found one. */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The full name of one of this input's fields, as problems report it. */
  public String path(String field) {
    return prefix + field;
  }

  public void fail(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  /** Throws every collected problem at once, including fields the type does not know. */
  public void done() {
    for (String field : body.fieldNames()) {
      if (!read.contains(field)) {
        fail(field, "is not a known field");
      }
    }
    if (prefix.isEmpty() && !errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private boolean hasError(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(prefix + field));
  }

  private String checkPattern(String field, String value, Pattern pattern, String expectation) {
    if (value != null && !pattern.matcher(value).matches()) {
      fail(field, expectation);
      return null;
    }
    return value;
  }

  private static String stringProblem(String value, int maxLength) {
    if (value.codePointCount(0, value.length()) > maxLength) {
      return "must be at most " + maxLength + " characters";
    }
    if (value.startsWith("$")) {
      return "must not start with '$'";
    }
    if (value.indexOf('\u0000') >= 0) {
      return "must not contain NUL characters";
    }
    return null;
  }

  private static <E extends Enum<E> & WireEnum> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
  }
}
