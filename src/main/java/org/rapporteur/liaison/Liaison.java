package org.rapporteur.liaison;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.workspace.Group;

/**
 * A liaison statement. {@code number} is given when it is sent (in the sending group's series, or in
 * the addressed group's incoming series for an outside body's statement). {@code deliveries} hold
 * each addressed (and copied) group's inbox state. {@code version} guards every change.
 */
public record Liaison(String id, String number, Party from, List<Party> to, List<Party> cc, List<String> toBodies,
    String title, Purpose purpose, Instant deadline, List<String> questions, String body, List<Contact> contacts,
    List<String> attachments, List<Link> links, String threadId, LiaisonState state, List<Delivery> deliveries,
    String createdBy, Instant createdAt, Instant updatedAt, Instant sentAt, long version) {

  /** A group (with its code and sector at the time) or an outside body by name. */
  public record Party(String groupId, String code, String sector, String body) {
    static Party of(Group group) {
      return new Party(group.id(), group.code(), group.sector().wire(), null);
    }

    static Party outside(String body) {
      return new Party(null, null, null, body);
    }

    boolean isGroup() {
      return groupId != null;
    }

    String label() {
      return isGroup() ? code : body;
    }

    JsonObject toJson() {
      return new JsonObject().put("groupId", groupId).put("code", code).put("sector", sector).put("body", body);
    }

    static Party fromJson(JsonObject json) {
      return new Party(json.getString("groupId"), json.getString("code"), json.getString("sector"),
          json.getString("body"));
    }
  }

  public record Contact(String name, String email, String affiliation) {
    JsonObject toJson() {
      return new JsonObject().put("name", name).put("email", email).put("affiliation", affiliation);
    }

    static Contact fromJson(JsonObject json) {
      return new Contact(json.getString("name"), json.getString("email"), json.getString("affiliation"));
    }
  }

  public record Link(LinkType type, String liaisonId) {
    JsonObject toJson() {
      return new JsonObject().put("type", type.wire()).put("liaisonId", liaisonId);
    }

    static Link fromJson(JsonObject json) {
      return new Link(WireEnum.parse(LinkType.class, json.getString("type")), json.getString("liaisonId"));
    }
  }

  /** One group's copy: its inbox state, the reply it sent and the agenda item proposed for it. */
  public record Delivery(Party group, boolean copy, DeliveryState state, String replyId,
      AgendaProposals.Proposal agenda) {
    Delivery with(DeliveryState newState, String newReplyId) {
      return new Delivery(group, copy, newState, newReplyId, agenda);
    }

    Delivery withAgenda(AgendaProposals.Proposal proposal) {
      return new Delivery(group, copy, state, replyId, proposal);
    }

    /**
     * As shown to someone who may not read the addressed group: the group's code and that it was
     * addressed, nothing of what happened inside it (its state, reply, next meeting). Never stored.
     */
    Delivery withheld() {
      return new Delivery(group, copy, null, null, null);
    }

    public boolean open() {
      return state == DeliveryState.RECEIVED || state == DeliveryState.IN_PROGRESS;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject().put("group", group.toJson()).put("copy", copy);
      if (state == null) {
        return json.put("withheld", true);
      }
      return json.put("state", state.wire())
          .put("replyId", replyId).put("agenda", agenda == null ? null : agenda.toJson());
    }

    static Delivery fromJson(JsonObject json) {
      return new Delivery(Party.fromJson(json.getJsonObject("group")), json.getBoolean("copy", false),
          WireEnum.parse(DeliveryState.class, json.getString("state")), json.getString("replyId"),
          AgendaProposals.Proposal.fromJson(json.getJsonObject("agenda")));
    }
  }

  public boolean sent() {
    return state != LiaisonState.DRAFT && state != LiaisonState.APPROVED;
  }

  public Optional<String> inResponseTo() {
    return links.stream().filter(l -> l.type() == LinkType.IN_RESPONSE_TO).map(Link::liaisonId).findFirst();
  }

  public Optional<Delivery> deliveryTo(String groupId) {
    return deliveries.stream().filter(d -> groupId.equals(d.group().groupId())).findFirst();
  }

  /** Every group the statement concerns: sender, addressees and copies. */
  public List<String> groupIds() {
    List<String> ids = new ArrayList<>();
    if (from.isGroup()) {
      ids.add(from.groupId());
    }
    to.forEach(p -> ids.add(p.groupId()));
    cc.forEach(p -> ids.add(p.groupId()));
    return ids.stream().distinct().toList();
  }

  /** For a reader: the deliveries to groups they may not read withheld (see {@link Delivery#withheld}). */
  Liaison withDeliveriesWithheld(java.util.function.Predicate<String> hiddenGroup) {
    List<Delivery> shown = deliveries.stream()
        .map(d -> d.group().isGroup() && hiddenGroup.test(d.group().groupId()) ? d.withheld() : d).toList();
    return new Liaison(id, number, from, to, cc, toBodies, title, purpose, deadline, questions, body, contacts,
        attachments, links, threadId, state, shown, createdBy, createdAt, updatedAt, sentAt, version);
  }

  Liaison withState(LiaisonState newState, Instant now) {
    return new Liaison(id, number, from, to, cc, toBodies, title, purpose, deadline, questions, body, contacts,
        attachments, links, threadId, newState, deliveries, createdBy, createdAt, now, sentAt, version);
  }

  Liaison withDeliveries(List<Delivery> newDeliveries, Instant now) {
    return new Liaison(id, number, from, to, cc, toBodies, title, purpose, deadline, questions, body, contacts,
        attachments, links, threadId, state, newDeliveries, createdBy, createdAt, now, sentAt, version);
  }

  Liaison sentAs(String newNumber, List<Delivery> newDeliveries, Instant now) {
    return new Liaison(id, newNumber, from, to, cc, toBodies, title, purpose, deadline, questions, body, contacts,
        attachments, links, threadId, LiaisonState.SENT, newDeliveries, createdBy, createdAt, now, now, version);
  }

  Liaison withLinks(List<Link> newLinks, String newThreadId, Instant now) {
    return new Liaison(id, number, from, to, cc, toBodies, title, purpose, deadline, questions, body, contacts,
        attachments, newLinks, newThreadId, state, deliveries, createdBy, createdAt, now, sentAt, version);
  }

  Liaison edited(LiaisonDraft d, Party newFrom, List<Party> newTo, List<Party> newCc, String newThreadId,
      Instant now) {
    return new Liaison(id, number, newFrom, newTo, newCc, d.toBodies(), d.title(), d.purpose(), d.deadline(),
        d.questions(), d.body(), d.contacts(), d.attachments(), d.links(), newThreadId, state, deliveries, createdBy,
        createdAt, now, sentAt, version);
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("number", number)
        .put("from", from.toJson())
        .put("to", array(to, Party::toJson))
        .put("cc", array(cc, Party::toJson))
        .put("toBodies", new JsonArray(toBodies))
        .put("title", title)
        .put("purpose", purpose.wire())
        .put("deadline", deadline == null ? null : MongoTime.of(deadline))
        .put("questions", new JsonArray(questions))
        .put("body", body)
        .put("contacts", array(contacts, Contact::toJson))
        .put("attachments", new JsonArray(attachments))
        .put("links", array(links, Link::toJson))
        .put("threadId", threadId)
        .put("state", state.wire())
        .put("deliveries", array(deliveries, Delivery::toJson))
        .put("createdBy", createdBy)
        .put("createdAt", MongoTime.of(createdAt))
        .put("updatedAt", MongoTime.of(updatedAt))
        .put("sentAt", sentAt == null ? null : MongoTime.of(sentAt))
        .put("version", version);
  }

  static Liaison fromDocument(JsonObject doc) {
    return new Liaison(doc.getString("_id"), doc.getString("number"),
        Party.fromJson(doc.getJsonObject("from")),
        list(doc.getJsonArray("to"), Party::fromJson),
        list(doc.getJsonArray("cc"), Party::fromJson),
        strings(doc.getJsonArray("toBodies")),
        doc.getString("title"),
        WireEnum.parse(Purpose.class, doc.getString("purpose")),
        MongoTime.read(doc, "deadline"),
        strings(doc.getJsonArray("questions")),
        doc.getString("body"),
        list(doc.getJsonArray("contacts"), Contact::fromJson),
        strings(doc.getJsonArray("attachments")),
        list(doc.getJsonArray("links"), Link::fromJson),
        doc.getString("threadId"),
        WireEnum.parse(LiaisonState.class, doc.getString("state")),
        list(doc.getJsonArray("deliveries"), Delivery::fromJson),
        doc.getString("createdBy"),
        MongoTime.read(doc, "createdAt"),
        MongoTime.read(doc, "updatedAt"),
        MongoTime.read(doc, "sentAt"),
        doc.getLong("version", 0L));
  }

  /** The API shape; {@code now} decides the overdue flag. */
  public JsonObject toJson(Instant now) {
    JsonObject json = toDocument();
    json.remove("_id");
    json.put("id", id)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString())
        .put("sentAt", sentAt == null ? null : sentAt.toString())
        .put("overdue", deadline != null && deadline.isBefore(now)
            && deliveries.stream().anyMatch(d -> !d.copy() && d.open()));
    json.remove("version");
    return json;
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> toJson) {
    return new JsonArray(items.stream().map(toJson).toList());
  }

  private static <T> List<T> list(JsonArray array, Function<JsonObject, T> reader) {
    if (array == null) {
      return List.of();
    }
    return array.stream().map(o -> reader.apply((JsonObject) o)).toList();
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
