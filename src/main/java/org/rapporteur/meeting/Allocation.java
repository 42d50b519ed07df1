package org.rapporteur.meeting;

import io.vertx.core.json.JsonObject;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;

/**
 * A contribution allocated to an agenda item, with what the meeting did with it. {@code into} names
 * the new revision (revised) or the document it was merged into (merged). Number and title are
 * copied from the contribution when allocated, so the agenda reads without further look-ups.
 */
public record Allocation(String contributionId, String number, String title, Treatment status, String into,
    String path) {

  static Allocation read(JsonInput in) {
    String contributionId = in.requiredString("contributionId", 24);
    if (contributionId != null && !Ids.isValid(contributionId)) {
      in.fail("contributionId", "must be an id of 24 hexadecimal digits");
    }
    Treatment status = in.optionalChoice("status", Treatment.class);
    String into = in.optionalString("into", 24);
    if (into != null && !Ids.isValid(into)) {
      in.fail("into", "must be an id of 24 hexadecimal digits");
    }
    if (into != null && status != Treatment.REVISED && status != Treatment.MERGED) {
      in.fail("into", "is only given for revised or merged documents");
    }
    in.optionalString("number", 64);
    in.optionalString("title", 500);
    in.done();
    return new Allocation(contributionId, null, null, status == null ? Treatment.TO_PRESENT : status, into,
        in.path("").replaceAll("\\.$", ""));
  }

  Allocation describedAs(String number, String title) {
    return new Allocation(contributionId, number, title, status, into, path);
  }

  static Allocation fromDocument(JsonObject doc) {
    return new Allocation(doc.getString("contributionId"), doc.getString("number"), doc.getString("title"),
        WireEnum.parse(Treatment.class, doc.getString("status")), doc.getString("into"), null);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("contributionId", contributionId)
        .put("number", number)
        .put("title", title)
        .put("status", status.wire())
        .put("into", into);
  }
}
