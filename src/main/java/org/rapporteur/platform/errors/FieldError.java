package org.rapporteur.platform.errors;

import io.vertx.core.json.JsonObject;

/** One problem with one input field, named as the client sent it (dotted for nested fields). */
public record FieldError(String field, String message) {
  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }
}
