package org.rapporteur.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.mongo.Ids;

/**
 * One agenda item with its sub-items. Numbers (1, 1.1, 1.2, 2) are not stored: they follow from the
 * order, so moving an item renumbers everything at once. {@code startsAt} arrives as text and is
 * read in the meeting's time zone by the service; {@code path} names the item in error messages.
 * {@code origin}, when the platform proposed the item, says from what ({@code kind} and its
 * parameters, e.g. an incoming liaison statement) so that each reader's browser words it in their
 * language; it belongs to the server, which keeps it through a chair's edits.
 */
public record AgendaItem(String id, String title, String presenter, Integer plannedMinutes, String startsAtText,
    Instant startsAt, String notes, List<Allocation> allocations, List<AgendaItem> children, String path,
    JsonObject origin) {

  public AgendaItem(String id, String title, String presenter, Integer plannedMinutes, String startsAtText,
      Instant startsAt, String notes, List<Allocation> allocations, List<AgendaItem> children, String path) {
    this(id, title, presenter, plannedMinutes, startsAtText, startsAt, notes, allocations, children, path, null);
  }

  static final int MAX_DEPTH = 3;
  static final int MAX_CHILDREN = 200;
  static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  static List<AgendaItem> readAll(JsonInput parent, String field, int depth) {
    List<AgendaItem> items = new ArrayList<>();
    for (JsonInput in : parent.objects(field, MAX_CHILDREN)) {
      items.add(read(in, depth));
    }
    return items;
  }

  private static AgendaItem read(JsonInput in, int depth) {
    String id = in.optionalMatching("id", ITEM_ID, "must be 1 to 40 letters, digits, '_' or '-'");
    String title = in.requiredString("title", 500);
    String presenter = in.optionalString("presenter", 200);
    Integer minutes = in.optionalInt("plannedMinutes", 0, 24 * 60);
    String startsAt = in.optionalString("startsAt", 40);
    String notes = in.optionalString("notes", 10_000);
    List<Allocation> allocations = in.objects("allocations", 100).stream().map(Allocation::read).toList();
    List<AgendaItem> children = List.of();
    if (in.has("children")) {
      if (depth >= MAX_DEPTH) {
        in.objects("children", MAX_CHILDREN);
        in.fail("children", "items nest at most " + MAX_DEPTH + " levels deep");
      } else {
        children = readAll(in, "children", depth + 1);
      }
    }
    in.optionalString("number", 20);
    // Sent back as read; the stored origin is kept by the service, so a client cannot forge one.
    in.optionalObject("origin");
    in.done();
    return new AgendaItem(id == null ? Ids.newId() : id, title, presenter, minutes, startsAt, null, notes,
        allocations, children, in.path("").replaceAll("\\.$", ""));
  }

  AgendaItem withChildren(List<AgendaItem> newChildren) {
    return new AgendaItem(id, title, presenter, plannedMinutes, startsAtText, startsAt, notes, allocations,
        newChildren, path, origin);
  }

  AgendaItem withOrigin(JsonObject newOrigin) {
    return new AgendaItem(id, title, presenter, plannedMinutes, startsAtText, startsAt, notes, allocations,
        children, path, newOrigin);
  }

  AgendaItem withResolved(Instant time, List<Allocation> described, List<AgendaItem> newChildren) {
    return new AgendaItem(id, title, presenter, plannedMinutes, null, time, notes, described, newChildren, path,
        origin);
  }

  /** Applies {@code change} to this item and every item below it. */
  AgendaItem map(Function<AgendaItem, AgendaItem> change) {
    AgendaItem changed = change.apply(this);
    return changed.withChildren(changed.children().stream().map(c -> c.map(change)).toList());
  }

  static AgendaItem fromDocument(JsonObject doc) {
    return new AgendaItem(doc.getString("id"), doc.getString("title"), doc.getString("presenter"),
        doc.getInteger("plannedMinutes"), null, MongoTime.read(doc, "startsAt"), doc.getString("notes"),
        doc.getJsonArray("allocations", new JsonArray()).stream().map(a -> Allocation.fromDocument((JsonObject) a)).toList(),
        doc.getJsonArray("children", new JsonArray()).stream().map(c -> fromDocument((JsonObject) c)).toList(), null,
        doc.getJsonObject("origin"));
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("presenter", presenter)
        .put("plannedMinutes", plannedMinutes)
        .put("startsAt", startsAt == null ? null : MongoTime.of(startsAt))
        .put("notes", notes)
        .put("allocations", new JsonArray(allocations.stream().map(Allocation::toJson).toList()))
        .put("children", new JsonArray(children.stream().map(AgendaItem::toDocument).toList()))
        .put("origin", origin);
  }

  JsonObject toJson(String number) {
    JsonArray kids = new JsonArray();
    for (int i = 0; i < children.size(); i++) {
      kids.add(children.get(i).toJson(number + "." + (i + 1)));
    }
    return new JsonObject()
        .put("id", id)
        .put("number", number)
        .put("title", title)
        .put("presenter", presenter)
        .put("plannedMinutes", plannedMinutes)
        .put("startsAt", startsAt == null ? null : startsAt.toString())
        .put("notes", notes)
        .put("allocations", new JsonArray(allocations.stream().map(Allocation::toJson).toList()))
        .put("children", kids)
        .put("origin", origin);
  }
}
