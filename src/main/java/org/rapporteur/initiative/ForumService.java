package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.meeting.Agenda;
import org.rapporteur.meeting.AgendaEdit;
import org.rapporteur.meeting.AgendaItem;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;
import org.rapporteur.workspace.WorkspaceService;

/**
 * The regional development forum: puts one agenda item per initiative of a region (of one cycle) on
 * a meeting of a group of that region, with its projects' progress in the item's notes. Items carry
 * the id {@code ri-<initiative id>}, so asking again brings them up to date instead of adding more.
 */
public final class ForumService {
  static final String ITEM_PREFIX = "ri-";

  private final InitiativeService initiatives;
  private final ProjectService projects;
  private final MeetingService meetings;
  private final AgendaService agendas;
  private final WorkspaceService workspaces;
  private final AuditTrail audit;

  ForumService(InitiativeService initiatives, ProjectService projects, MeetingService meetings, AgendaService agendas,
      WorkspaceService workspaces, AuditTrail audit) {
    this.initiatives = initiatives;
    this.projects = projects;
    this.meetings = meetings;
    this.agendas = agendas;
    this.workspaces = workspaces;
    this.audit = audit;
  }

  /** {@code {"region": "AFR", "meetingId": "...", "cycle": "WTDC-25"}}; the cycle defaults to the latest. */
  public record Request(Region region, String meetingId, String cycle) {
    public static Request read(JsonInput in, InitiativesConfig config) {
      Region region = in.requiredChoice("region", Region.class);
      String meetingId = in.requiredString("meetingId", 24);
      if (meetingId != null && !Ids.isValid(meetingId)) {
        in.fail("meetingId", "must be an id of 24 hexadecimal digits");
      }
      String cycle = in.optionalString("cycle", 20);
      if (cycle != null && config.cycle(cycle).isEmpty()) {
        in.fail("cycle", "is not a known WTDC cycle");
      }
      in.done();
      return new Request(region, meetingId, cycle != null ? cycle
          : config.latest().map(Cycle::code).orElse(null));
    }
  }

  /** What was put on the agenda: the agenda's new version and one item id per initiative. */
  public Future<JsonObject> prepare(Actor actor, Request request) {
    return InitiativeService.requireStaff(actor)
        .compose(v -> meetings.find(request.meetingId()))
        .map(found -> found.orElseThrow(() -> InvalidInputException.of("meetingId", "names no meeting")))
        .compose(meeting -> workspaces.findGroup(meeting.groupId()).map(group -> {
          if (group.isEmpty() || group.get().region() != request.region()) {
            throw InvalidInputException.of("meetingId", "is not a meeting of a group of " + request.region().wire());
          }
          return meeting;
        }))
        .compose(meeting -> initiatives.ofRegion(request.region(), request.cycle()))
        .compose(list -> items(list).compose(items -> merge(actor, request.meetingId(), items, 3)
            .compose(agenda -> audit.record(actor, "initiative.forum", "meeting", request.meetingId(),
                    new JsonObject().put("region", request.region().wire()).put("cycle", request.cycle())
                        .put("initiatives", list.size()))
                .map(v -> new JsonObject().put("meetingId", request.meetingId()).put("version", agenda.version())
                    .put("items", new JsonArray(list.stream().map(i -> new JsonObject().put("initiativeId", i.id())
                        .put("code", i.code()).put("itemId", ITEM_PREFIX + i.id())).toList()))))));
  }

  private Future<List<AgendaItem>> items(List<RegionalInitiative> list) {
    List<Future<List<Project>>> work = list.stream()
        .map(i -> projects.all(new ProjectService.Filter(i.id(), null, null, null, null, null, null, null, null)))
        .toList();
    return Future.all(work).map(all -> {
      List<AgendaItem> items = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        RegionalInitiative initiative = list.get(i);
        items.add(new AgendaItem(ITEM_PREFIX + initiative.id(), initiative.code() + " " + initiative.title().originalText(),
            null, null, null, null, progress(work.get(i).result()), List.of(), List.of(), null));
      }
      return items;
    });
  }

  /**
   * One line per project: code, IATI status, indicators at target, and what partners gave, in US
   * dollars where a rate allows. Figures and codes only: the chair reads them in any language.
   */
  static String progress(List<Project> list) {
    if (list.isEmpty()) {
      return "-";
    }
    return list.stream().map(p -> {
      long indicators = p.results().stream().mapToLong(r -> r.indicators().size()).sum();
      long reached = p.results().stream().flatMap(r -> r.indicators().stream()).filter(ProjectParts.Indicator::reached)
          .count();
      Map<String, Double> received = p.partners().stream().flatMap(x -> x.contributions().stream())
          .collect(Collectors.groupingBy(r -> r.kind().wire() + " " + r.money().currency(),
              java.util.TreeMap::new, Collectors.summingDouble(r -> r.money().amount())));
      String money = received.entrySet().stream()
          .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,.0f", e.getValue()))
          .collect(Collectors.joining(", "));
      return p.code() + " [" + p.status().code() + " " + p.status().wire() + "] " + reached + "/" + indicators
          + (money.isEmpty() ? "" : " · " + money);
    }).collect(Collectors.joining("\n"));
  }

  /** Replaces the forum's own items and appends new ones; tries again if a chair saved meanwhile. */
  private Future<Agenda> merge(Actor actor, String meetingId, List<AgendaItem> items, int attempts) {
    return agendas.get(actor, meetingId).compose(current -> {
      List<AgendaItem> merged = new ArrayList<>(current.items());
      for (AgendaItem item : items) {
        int at = indexOf(merged, item.id());
        AgendaItem kept = at < 0 ? item : withNotes(merged.get(at), item);
        if (at < 0) {
          merged.add(kept);
        } else {
          merged.set(at, kept);
        }
      }
      return agendas.replace(actor, meetingId, new AgendaEdit(current.version(), merged));
    }).recover(e -> e instanceof ConflictException && attempts > 1 ? merge(actor, meetingId, items, attempts - 1)
        : e instanceof NotFoundException ? Future.failedFuture(InvalidInputException.of("meetingId", "names no meeting"))
        : Future.failedFuture(e));
  }

  /** Keeps what the chair did with the item (presenter, time, documents), refreshes title and progress. */
  private static AgendaItem withNotes(AgendaItem existing, AgendaItem fresh) {
    return new AgendaItem(existing.id(), fresh.title(), existing.presenter(), existing.plannedMinutes(), null,
        existing.startsAt(), fresh.notes(), existing.allocations(), existing.children(), existing.path());
  }

  private static int indexOf(List<AgendaItem> items, String id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
