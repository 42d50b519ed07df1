package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.apache.lucene.document.Document;

/**
 * A project of another region found alike: {@code score} (0 to 1) weighs the cosine of the texts'
 * TF-IDF vectors in their best shared language with that of their SDG/WSIS tags; {@code sharedTerms}
 * are the words that weigh most in it, {@code sharedTags} the tags both carry. {@code replication}
 * says how the two are linked: {@code source} when the asked project replicates this one,
 * {@code replica} when this one replicates the asked project, null otherwise.
 */
record SimilarMatch(Summary project, double score, List<String> sharedTerms, List<String> sharedTags,
    String replication) {
  static final String SOURCE = "source";
  static final String REPLICA = "replica";

  /** What a row shows of a project, read from the index's stored fields. */
  record Summary(String id, String code, String region, String status, Text title, boolean published,
      String replicatedFrom) {
    static Summary of(Document doc) {
      return new Summary(doc.get(ProjectIndexMapper.ID), doc.get(ProjectIndexMapper.CODE),
          doc.get(ProjectIndexMapper.REGION), doc.get(ProjectIndexMapper.STATUS),
          Text.fromDocument(new JsonObject(doc.get(ProjectIndexMapper.TITLE))),
          Boolean.parseBoolean(doc.get(ProjectIndexMapper.PUBLISHED)), doc.get(ProjectIndexMapper.REPLICATED_FROM));
    }

    JsonObject toJson(String lang) {
      return new JsonObject().put("id", id).put("code", code).put("title", title.render(lang)).put("region", region)
          .put("status", status).put("published", published);
    }
  }

  JsonObject toJson(String lang) {
    JsonObject json = new JsonObject().put("project", project.toJson(lang)).put("score", rounded(score))
        .put("sharedTerms", new JsonArray(sharedTerms)).put("sharedTags", new JsonArray(sharedTags));
    return replication == null ? json : json.put("replication", replication);
  }

  static double rounded(double score) {
    return Math.round(score * 1000) / 1000.0;
  }

  /** Two alike projects of different regions on the synergy view, {@code a} before {@code b} by id. */
  record Pair(Summary a, Summary b, double score, List<String> sharedTerms, List<String> sharedTags) {
    JsonObject toJson(String lang) {
      return new JsonObject().put("a", a.toJson(lang)).put("b", b.toJson(lang)).put("score", rounded(score))
          .put("sharedTerms", new JsonArray(sharedTerms)).put("sharedTags", new JsonArray(sharedTags));
    }
  }
}
