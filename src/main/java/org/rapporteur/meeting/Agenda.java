package org.rapporteur.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;

/** A meeting's agenda at one version. Version 0 is the empty agenda nobody has saved yet. */
public record Agenda(String meetingId, long version, AgendaStatus status, Long approvedVersion,
    List<AgendaItem> items, Instant updatedAt, String updatedBy) {

  static Agenda empty(String meetingId) {
    return new Agenda(meetingId, 0, AgendaStatus.DRAFT, null, List.of(), null, null);
  }

  static Agenda fromDocument(JsonObject doc) {
    return new Agenda(doc.getString("_id"), doc.getLong("version"),
        WireEnum.parse(AgendaStatus.class, doc.getString("status")), doc.getLong("approvedVersion"),
        doc.getJsonArray("items", new JsonArray()).stream().map(i -> AgendaItem.fromDocument((JsonObject) i)).toList(),
        MongoTime.read(doc, "updatedAt"), doc.getString("updatedBy"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", meetingId)
        .put("version", version)
        .put("status", status.wire())
        .put("approvedVersion", approvedVersion)
        .put("items", itemsDocument())
        .put("updatedAt", MongoTime.of(updatedAt))
        .put("updatedBy", updatedBy);
  }

  JsonArray itemsDocument() {
    return new JsonArray(items.stream().map(AgendaItem::toDocument).toList());
  }

  public JsonObject toJson() {
    JsonArray numbered = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      numbered.add(items.get(i).toJson(Integer.toString(i + 1)));
    }
    return new JsonObject()
        .put("meetingId", meetingId)
        .put("version", version)
        .put("status", status.wire())
        .put("approvedVersion", approvedVersion)
        .put("items", numbered)
        .put("updatedAt", updatedAt == null ? null : updatedAt.toString())
        .put("updatedBy", updatedBy);
  }

  /** Every item by id with its number, in agenda order. */
  Map<String, Numbered> numbered() {
    Map<String, Numbered> out = new LinkedHashMap<>();
    collect(items, "", out);
    return out;
  }

  private static void collect(List<AgendaItem> items, String prefix, Map<String, Numbered> out) {
    for (int i = 0; i < items.size(); i++) {
      String number = prefix + (i + 1);
      out.put(items.get(i).id(), new Numbered(number, items.get(i)));
      collect(items.get(i).children(), number + ".", out);
    }
  }

  record Numbered(String number, AgendaItem item) {}
}
