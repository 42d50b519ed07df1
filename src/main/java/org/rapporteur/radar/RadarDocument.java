package org.rapporteur.radar;

import io.vertx.core.json.JsonObject;

/**
 * Something the duplication radar compares: a Question, a liaison statement or (from the
 * contributions feature) a contribution's extracted text. {@code key} is unique across kinds,
 * e.g. {@code question:<id>}; {@code sector} is {@code ITU-D} or {@code ITU-T}. Documents of one
 * {@code family} (a statement and its replies) are never reported as overlapping each other; null
 * means a family of one. {@code language} is the language the document says it is in (e.g. a
 * contribution's detected language), or null to let the radar guess.
 */
public record RadarDocument(String kind, String sourceId, String sector, String groupId, String groupCode, String ref,
    String title, String text, String family, String language) {

  public RadarDocument(String kind, String sourceId, String sector, String groupId, String groupCode, String ref,
      String title, String text) {
    this(kind, sourceId, sector, groupId, groupCode, ref, title, text, null, null);
  }

  public RadarDocument(String kind, String sourceId, String sector, String groupId, String groupCode, String ref,
      String title, String text, String family) {
    this(kind, sourceId, sector, groupId, groupCode, ref, title, text, family, null);
  }

  /** As it travels in the change feed, so that every node's radar takes it. */
  public JsonObject toJson() {
    return new JsonObject().put("kind", kind).put("sourceId", sourceId).put("sector", sector).put("groupId", groupId)
        .put("groupCode", groupCode).put("ref", ref).put("title", title).put("text", text).put("family", family)
        .put("language", language);
  }

  public static RadarDocument fromJson(JsonObject json) {
    return new RadarDocument(json.getString("kind"), json.getString("sourceId"), json.getString("sector"),
        json.getString("groupId"), json.getString("groupCode"), json.getString("ref"), json.getString("title"),
        json.getString("text"), json.getString("family"), json.getString("language"));
  }

  boolean sameFamily(RadarDocument other) {
    return family != null && family.equals(other.family);
  }

  public static final String QUESTION = "question";
  public static final String LIAISON = "liaison";
  public static final String CONTRIBUTION = "contribution";

  public String key() {
    return key(kind, sourceId);
  }

  public static String key(String kind, String sourceId) {
    return kind + ":" + sourceId;
  }

  /** What is compared: the title weighs in with the text. */
  String content() {
    return text == null || text.isBlank() ? title : title + "\n" + text;
  }
}
