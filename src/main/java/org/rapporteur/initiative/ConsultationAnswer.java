package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.initiative.Consultation.Financing;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;

/**
 * One delegate's answer: the consultation's topics in their order of priority (all or the first
 * few), partner organizations to work with, means of financing and a comment. One per person; a
 * new answer replaces the old one until the deadline.
 */
public record ConsultationAnswer(String consultationId, String userId, String country, List<String> priorities,
    List<String> partnerIds, List<Financing> financing, String comment, Instant updatedAt) {

  public static ConsultationAnswer read(JsonInput in, Consultation consultation) {
    List<String> priorities = in.stringList("priorities", consultation.topics().size(), 300);
    for (int i = 0; i < priorities.size(); i++) {
      if (!consultation.topics().contains(priorities.get(i))) {
        in.fail("priorities[" + i + "]", "is not one of the consultation's topics");
      }
    }
    if (priorities.isEmpty() && !in.hasErrors()) {
      in.fail("priorities", "ranks at least one topic");
    }
    List<String> partners = in.stringList("partnerIds", 20, 24);
    for (int i = 0; i < partners.size(); i++) {
      if (!Ids.isValid(partners.get(i))) {
        in.fail("partnerIds[" + i + "]", "must be an id of 24 hexadecimal digits");
      }
    }
    List<String> means = in.stringList("financing", Financing.values().length, 40);
    List<Financing> financing = new java.util.ArrayList<>();
    for (int i = 0; i < means.size(); i++) {
      Financing f = WireEnum.parse(Financing.class, means.get(i));
      if (f == null) {
        in.fail("financing[" + i + "]", "is not a known means of financing");
      } else {
        financing.add(f);
      }
    }
    String comment = in.optionalString("comment", 4000);
    in.done();
    return new ConsultationAnswer(consultation.id(), null, null, priorities, partners, financing, comment, null);
  }

  ConsultationAnswer by(String user, String userCountry, Instant now) {
    return new ConsultationAnswer(consultationId, user, userCountry, priorities, partnerIds, financing, comment, now);
  }

  JsonObject toDocument() {
    return toJson().put("_id", consultationId + ":" + userId).put("updatedAt", MongoTime.of(updatedAt));
  }

  static ConsultationAnswer fromDocument(JsonObject doc) {
    return new ConsultationAnswer(doc.getString("consultationId"), doc.getString("userId"), doc.getString("country"),
        RegionalInitiative.strings(doc.getJsonArray("priorities")),
        RegionalInitiative.strings(doc.getJsonArray("partnerIds")),
        RegionalInitiative.strings(doc.getJsonArray("financing")).stream()
            .map(f -> WireEnum.parse(Financing.class, f)).toList(),
        doc.getString("comment"), MongoTime.read(doc, "updatedAt"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("consultationId", consultationId).put("userId", userId).put("country", country)
        .put("priorities", new JsonArray(priorities)).put("partnerIds", new JsonArray(partnerIds))
        .put("financing", new JsonArray(financing.stream().map(Financing::wire).toList()))
        .put("comment", comment).put("updatedAt", updatedAt == null ? null : updatedAt.toString());
  }
}
