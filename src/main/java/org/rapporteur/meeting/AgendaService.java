package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.meeting.ContributionLookup.ContributionSummary;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.i18n.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live agenda. Every change names the version it was made on (409 otherwise), is checked as a
 * whole (dates inside the meeting, documents of this group, each item once), is stored with a
 * history entry, and is then published to the meeting's room so participants see it at once.
 */
public final class AgendaService {
  private static final Logger log = LoggerFactory.getLogger(AgendaService.class);

  private final AgendaStore store;
  private final MeetingService meetings;
  private final ContributionLookup contributions;
  private final RoomEvents rooms;
  private final AuditTrail audit;
  private final WorkerExecutor exports;
  private volatile Labels labels;

  AgendaService(AgendaStore store, MeetingService meetings, ContributionLookup contributions, RoomEvents rooms,
      AuditTrail audit, WorkerExecutor exports) {
    this.store = store;
    this.meetings = meetings;
    this.contributions = contributions;
    this.rooms = rooms;
    this.audit = audit;
    this.exports = exports;
  }

  public Future<Void> start() {
    return store.createIndexes()
        .compose(v -> exports.executeBlocking(() -> Labels.load("agenda"), false))
        .map(loaded -> {
          labels = loaded;
          return null;
        });
  }

  public static String room(String meetingId) {
    return "meeting:" + meetingId;
  }

  /** The agenda alone, for a caller that does not follow the meeting room (no head to read). */
  public Future<Agenda> get(Actor actor, String meetingId) {
    return meetings.access(actor, meetingId).compose(access -> store.find(meetingId));
  }

  /**
   * The agenda and the item under discussion, with the meeting room's head read before them (see
   * {@link RoomSnapshot}).
   */
  public Future<RoomSnapshot<AgendaStore.LiveAgenda>> current(Actor actor, String meetingId) {
    return meetings.access(actor, meetingId)
        .compose(access -> rooms.head(room(meetingId)))
        .compose(head -> store.findLive(meetingId).map(live -> new RoomSnapshot<>(head, live)));
  }

  /**
   * Marks the item under discussion ({@code itemId} null: none) and tells the room, so every page
   * shows it and counts its planned minutes down; the room log keeps it for pages that reconnect.
   */
  public Future<CurrentItem> markCurrent(Actor actor, String meetingId, String itemId) {
    return meetings.requireChair(actor, meetingId).compose(access -> store.find(meetingId)).compose(agenda -> {
      if (itemId != null && !agenda.numbered().containsKey(itemId)) {
        return Future.failedFuture(UnprocessableException.of("itemId", "names no item of this agenda"));
      }
      CurrentItem current = itemId == null ? null : new CurrentItem(itemId, Instant.now(), actor.name());
      return store.saveCurrent(meetingId, current)
          .compose(v -> audit.record(actor, "agenda.current", "meeting", meetingId,
              new JsonObject().put("itemId", itemId)))
          .compose(v -> rooms.publish(room(meetingId), new JsonObject().put("kind", "agenda-current")
              .put("current", CurrentItem.toJson(current))).<Void>mapEmpty()
              .recover(e -> {
                log.warn("The item under discussion in {} is stored but was not pushed live", meetingId, e);
                return Future.succeededFuture();
              }))
          .map(current);
    });
  }

  /** The agenda as a Word document in {@code lang} (one of the six), built on the export workers. */
  public Future<Export> docx(Actor actor, String meetingId, String lang) {
    return meetings.access(actor, meetingId).compose(access -> store.find(meetingId)
        .compose(agenda -> exports.executeBlocking(() -> new Export(fileName(access.meeting(), "docx"),
            AgendaExport.docx(access.meeting(), agenda, labels.in(lang))), false)));
  }

  /** The agenda as a printable page in {@code lang} (one of the six). */
  public Future<String> printable(Actor actor, String meetingId, String lang) {
    return meetings.access(actor, meetingId).compose(access -> store.find(meetingId)
        .map(agenda -> AgendaExport.html(access.meeting(), agenda, labels.in(lang))));
  }

  static String fileName(Meeting meeting, String extension) {
    String safe = meeting.title().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "");
    return "agenda-" + (safe.isEmpty() ? meeting.id() : safe) + "." + extension;
  }

  public record Export(String fileName, byte[] bytes) {}

  public Future<List<JsonObject>> history(Actor actor, String meetingId) {
    return meetings.access(actor, meetingId).compose(access -> store.history(meetingId));
  }

  public Future<Agenda> replace(Actor actor, String meetingId, AgendaEdit edit) {
    return meetings.requireChair(actor, meetingId).compose(access -> current(meetingId, edit.version())
        .compose(current -> resolve(access.meeting(), keepOrigins(current.items(), edit.items()))
            .compose(items -> save(actor, current, new Agenda(meetingId, current.version() + 1, current.status(),
                current.approvedVersion(), items, Instant.now(), actor.name()), "edit"))));
  }

  /** Each edited item keeps the origin stored for its id, whatever the client sent. */
  private static List<AgendaItem> keepOrigins(List<AgendaItem> stored, List<AgendaItem> edited) {
    Map<String, JsonObject> origins = new HashMap<>();
    stored.forEach(root -> root.map(item -> {
      if (item.origin() != null) {
        origins.put(item.id(), item.origin());
      }
      return item;
    }));
    return edited.stream().map(root -> root.map(item -> item.withOrigin(origins.get(item.id())))).toList();
  }

  public Future<Agenda> move(Actor actor, String meetingId, AgendaEdit.Move move) {
    return meetings.requireChair(actor, meetingId).compose(access -> current(meetingId, move.version())
        .compose(current -> save(actor, current, new Agenda(meetingId, current.version() + 1, current.status(),
            current.approvedVersion(), AgendaTree.move(current.items(), move), Instant.now(), actor.name()), "move")));
  }

  public Future<Agenda> approve(Actor actor, String meetingId, long version) {
    return meetings.requireChair(actor, meetingId).compose(access -> current(meetingId, version)
        .compose(current -> save(actor, current, new Agenda(meetingId, current.version() + 1, AgendaStatus.APPROVED,
            current.version() + 1, current.items(), Instant.now(), actor.name()), "approve")));
  }

  /**
   * Adds an item at the end of the agenda of the group's next meeting, on behalf of the system (an
   * incoming liaison statement for action). Retries when a chair saves at the same moment.
   */
  public Future<Optional<Proposal>> proposeItem(String groupId, String title, JsonObject origin, Instant deadline) {
    return meetings.nextMeeting(groupId, Instant.now()).compose(next -> next.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : appendItem(next.get(), title, origin, 3).map(v -> Optional.of(new Proposal(next.get().id(),
            next.get().start(), deadline != null && deadline.isBefore(next.get().start())))));
  }

  private Future<Void> appendItem(Meeting meeting, String title, JsonObject origin, int attempts) {
    Actor system = new Actor(null, null, "Liaison statements", java.util.Set.of());
    return store.find(meeting.id()).compose(current -> {
      List<AgendaItem> items = new ArrayList<>(current.items());
      items.add(new AgendaItem(org.rapporteur.platform.mongo.Ids.newId(), title, null, null, null, null, null,
          List.of(), List.of(), null, origin));
      return save(system, current, new Agenda(meeting.id(), current.version() + 1, current.status(),
          current.approvedVersion(), items, Instant.now(), system.name()), "propose");
    }).<Void>mapEmpty().recover(e -> e instanceof ConflictException && attempts > 1
        ? appendItem(meeting, title, origin, attempts - 1) : Future.failedFuture(e));
  }

  /** Where an item was proposed, and whether the reply is due before that meeting starts. */
  public record Proposal(String meetingId, Instant meetingStart, boolean deadlineBeforeMeeting) {}

  private Future<Agenda> current(String meetingId, long expectedVersion) {
    return store.find(meetingId).map(current -> {
      if (current.version() != expectedVersion) {
        throw ConflictException.staleVersion(expectedVersion, current.version());
      }
      return current;
    });
  }

  private Future<Agenda> save(Actor actor, Agenda before, Agenda after, String action) {
    List<JsonObject> changes = (action.equals("approve")
        ? List.of(AgendaChange.of("approved", "version", after.version()))
        : AgendaDiff.describe(before, after)).stream().map(AgendaChange::toJson).toList();
    boolean afterApproval = before.status() == AgendaStatus.APPROVED;
    return store.save(after)
        .compose(saved -> store.recordHistory(saved, action, changes, afterApproval, actor.userId(), actor.name()))
        .compose(v -> audit.record(actor, "agenda." + action, "meeting", after.meetingId(),
            new JsonObject().put("version", after.version()).put("changes", new JsonArray(changes))))
        .map(v -> {
          publish(after, changes);
          recordTreatments(actor, before, after);
          return after;
        });
  }

  /** Passes each allocation that changed on to its contribution; the agenda stays the record if one fails. */
  private void recordTreatments(Actor actor, Agenda before, Agenda after) {
    Map<String, Treatment> old = treatments(before);
    Map<String, Treatment> now = treatments(after);
    Set<String> changed = new HashSet<>(old.keySet());
    changed.addAll(now.keySet());
    changed.removeIf(id -> old.get(id) == now.get(id));
    for (String id : changed) {
      contributions.recordTreatment(actor, id, now.get(id))
          .onFailure(e -> log.warn("Treatment of contribution {} is on the agenda but not on the contribution", id, e));
    }
  }

  private static Map<String, Treatment> treatments(Agenda agenda) {
    Map<String, Treatment> out = new HashMap<>();
    AgendaTree.walk(agenda.items(), item -> item.allocations().forEach(a -> out.put(a.contributionId(), a.status())));
    return out;
  }

  private void publish(Agenda agenda, List<JsonObject> changes) {
    JsonObject event = new JsonObject().put("kind", "agenda").put("agenda", agenda.toJson())
        .put("changes", new JsonArray(changes));
    rooms.publish(room(agenda.meetingId()), event)
        .onFailure(e -> log.warn("Agenda version {} of {} is stored but was not pushed live", agenda.version(),
            agenda.meetingId(), e));
  }

  /** Reads item times in the meeting's zone and describes each allocated document, or names what is wrong. */
  private Future<List<AgendaItem>> resolve(Meeting meeting, List<AgendaItem> items) {
    List<FieldError> invalid = new ArrayList<>();
    ZoneId zone = ZoneId.of(meeting.timeZone());
    List<AgendaItem> timed = items.stream().map(i -> i.map(item -> withTime(item, meeting, zone, invalid))).toList();
    if (!invalid.isEmpty()) {
      return Future.failedFuture(new InvalidInputException(invalid));
    }
    List<FieldError> unusable = new ArrayList<>(AgendaTree.duplicateItems(timed));
    Set<String> ids = new LinkedHashSet<>();
    Set<String> allocated = new HashSet<>();
    AgendaTree.walk(timed, item -> item.allocations().forEach(a -> {
      ids.add(a.contributionId());
      if (a.into() != null) {
        ids.add(a.into());
      }
      if (!allocated.add(a.contributionId())) {
        unusable.add(new FieldError(a.path() + ".contributionId", "this document is already allocated to another item"));
      }
    }));
    return lookup(ids).map(found -> {
      List<AgendaItem> described = timed.stream().map(i -> i.map(item -> describe(item, meeting, found, unusable))).toList();
      if (!unusable.isEmpty()) {
        throw new UnprocessableException(unusable.get(0).field() + ": " + unusable.get(0).message(), unusable);
      }
      return described;
    });
  }

  private Future<Map<String, ContributionSummary>> lookup(Set<String> ids) {
    List<Future<Optional<ContributionSummary>>> lookups = ids.stream().map(contributions::find).toList();
    return Future.all(lookups).map(all -> {
      Map<String, ContributionSummary> found = new HashMap<>();
      lookups.forEach(f -> f.result().ifPresent(c -> found.put(c.id(), c)));
      return found;
    });
  }

  private static AgendaItem withTime(AgendaItem item, Meeting meeting, ZoneId zone, List<FieldError> invalid) {
    if (item.startsAtText() == null) {
      return item;
    }
    Instant time = parse(item.startsAtText(), zone);
    String field = item.path() + ".startsAt";
    if (time == null) {
      invalid.add(new FieldError(field, "must be a date and time such as 2026-12-01T09:30"));
    } else if (time.isBefore(meeting.start()) || time.isAfter(meeting.end())) {
      invalid.add(new FieldError(field, "must fall within the meeting (" + meeting.start() + " to " + meeting.end() + ")"));
    }
    return item.withResolved(time, item.allocations(), item.children());
  }

  private static Instant parse(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static AgendaItem describe(AgendaItem item, Meeting meeting, Map<String, ContributionSummary> found,
      List<FieldError> unusable) {
    List<Allocation> described = new ArrayList<>();
    for (Allocation allocation : item.allocations()) {
      ContributionSummary contribution = found.get(allocation.contributionId());
      if (contribution == null) {
        unusable.add(new FieldError(allocation.path() + ".contributionId", "names no contribution"));
      } else if (!contribution.groupId().equals(meeting.groupId())) {
        unusable.add(new FieldError(allocation.path() + ".contributionId",
            "is a contribution of another group; only this group's documents can be allocated"));
      } else if (allocation.into() != null && !found.containsKey(allocation.into())) {
        unusable.add(new FieldError(allocation.path() + ".into", "names no contribution"));
      } else {
        described.add(allocation.describedAs(contribution.number(), contribution.title()));
      }
    }
    return item.withResolved(item.startsAt(), described, item.children());
  }
}
