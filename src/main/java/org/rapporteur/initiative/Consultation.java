package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/**
 * The secretariat asks the Member States of a region about an initiative: which of the {@code topics}
 * come first, which partners to work with, how to finance it; answers are taken until the deadline.
 */
public record Consultation(String id, String initiativeId, Region region, Text question, List<String> topics,
    Instant deadline, String openedBy, Instant createdAt) {

  /** The means of financing an answer may name. */
  public enum Financing implements WireEnum {
    NATIONAL_BUDGET("national-budget"),
    UNIVERSAL_SERVICE_FUND("universal-service-fund"),
    DEVELOPMENT_PARTNER("development-partner"),
    PRIVATE_SECTOR("private-sector"),
    PUBLIC_PRIVATE_PARTNERSHIP("public-private-partnership"),
    ITU_BUDGET("itu-budget"),
    IN_KIND("in-kind"),
    OTHER("other");

    private final String wire;

    Financing(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  public record Draft(Text question, List<String> topics, Instant deadline) {
    public static Draft read(JsonInput in, InitiativesConfig config, Instant now) {
      Text question = Text.read(in, "question", config.maxTextLength(), true);
      List<String> topics = in.stringList("topics", 30, 300);
      if (topics.size() < 2 && !in.hasErrors()) {
        in.fail("topics", "names at least two topics to rank");
      }
      Instant deadline = instant(in, "deadline");
      if (deadline != null && !deadline.isAfter(now)) {
        in.fail("deadline", "must be in the future");
      }
      in.done();
      return new Draft(question, topics, deadline);
    }
  }

  static Instant instant(JsonInput in, String field) {
    String text = in.requiredString(field, 40);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      in.fail(field, "must be a UTC time such as 2026-06-30T23:59:59Z");
      return null;
    }
  }

  static Consultation create(Draft d, RegionalInitiative initiative, String openedBy, Instant now) {
    return new Consultation(Ids.newId(), initiative.id(), initiative.region(), d.question(), d.topics(), d.deadline(),
        openedBy, now);
  }

  public boolean open(Instant now) {
    return now.isBefore(deadline);
  }

  JsonObject toDocument() {
    return new JsonObject().put("_id", id).put("initiativeId", initiativeId).put("region", region.wire())
        .put("question", question.toDocument()).put("topics", new JsonArray(topics))
        .put("deadline", MongoTime.of(deadline)).put("openedBy", openedBy).put("createdAt", MongoTime.of(createdAt));
  }

  static Consultation fromDocument(JsonObject doc) {
    return new Consultation(doc.getString("_id"), doc.getString("initiativeId"),
        WireEnum.parse(Region.class, doc.getString("region")), Text.fromDocument(doc.getJsonObject("question")),
        RegionalInitiative.strings(doc.getJsonArray("topics")), MongoTime.read(doc, "deadline"),
        doc.getString("openedBy"), MongoTime.read(doc, "createdAt"));
  }

  public JsonObject toJson(String lang, Instant now) {
    return new JsonObject().put("id", id).put("initiativeId", initiativeId).put("region", region.wire())
        .put("question", question.render(lang)).put("topics", new JsonArray(topics))
        .put("deadline", deadline.toString()).put("open", open(now)).put("openedBy", openedBy)
        .put("createdAt", createdAt.toString());
  }
}
