package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.initiative.TdagReport.ConsultationSummary;
import org.rapporteur.initiative.TdagReport.ForumOutcome;
import org.rapporteur.meeting.AgendaItem;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.Meeting;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.Region;
import org.rapporteur.workspace.WorkspaceService;

/**
 * The yearly TDAG report and the IATI export. The report adds up published and unpublished projects,
 * so only admins and the secretariat get it; the IATI file is public and holds published projects
 * only. Data is read through the feature's services (and the meeting feature's, for the forum's
 * agenda items), then the files are built on a bounded pool of named worker threads.
 */
public final class ReportService {
  private final InitiativeModule m;
  private final MeetingService meetings;
  private final AgendaService agendas;
  private final WorkspaceService workspaces;
  private final WorkerExecutor workers;
  private final Clock clock;
  private volatile ReportLabels labels;

  ReportService(InitiativeModule module, MeetingService meetings, AgendaService agendas, WorkspaceService workspaces,
      WorkerExecutor workers, Clock clock) {
    this.m = module;
    this.meetings = meetings;
    this.agendas = agendas;
    this.workspaces = workspaces;
    this.workers = workers;
    this.clock = clock;
  }

  Future<Void> start() {
    return workers.executeBlocking(ReportLabels::load, false).map(loaded -> {
      labels = loaded;
      return null;
    });
  }

  /** The current year, the default of every {@code year} parameter. */
  public int currentYear() {
    return clock.instant().atZone(ZoneOffset.UTC).getYear();
  }

  /** 401 for nobody, 403 for anyone but admins and the secretariat: checked before the parameters. */
  public Future<Void> requireReader(Actor actor) {
    return InitiativeService.requireStaff(actor);
  }

  /** The report's data for a year and one region (null: all). */
  public Future<TdagReport> tdag(Actor actor, int year, Region region) {
    return requireReader(actor).compose(v -> inputs(actor, year, region))
        .compose(in -> workers.executeBlocking(() -> TdagReport.build(in), false));
  }

  public Future<byte[]> tdagDocx(Actor actor, int year, Region region, String lang) {
    return tdag(actor, year, region).compose(report -> workers.executeBlocking(
        () -> TdagReportDocx.write(report, labels.in(lang), m.config().reports().contact()), false));
  }

  public Future<String> tdagCsv(Actor actor, int year, Region region) {
    return tdag(actor, year, region).compose(report -> workers.executeBlocking(() -> TdagReportCsv.of(report), false));
  }

  /** Public: the published projects (active in {@code year}, or all when it is null) as IATI activities. */
  public Future<byte[]> iati(Integer year) {
    return m.projects().all(ProjectService.Filter.ALL).compose(all -> {
      List<Project> projects = all.stream().filter(IatiActivitiesXml::exportable)
          .filter(p -> year == null || TdagReport.activeIn(p, year)).toList();
      return partnersOf(projects).compose(partners -> workers.executeBlocking(() -> IatiActivitiesXml.write(projects,
          partners, m.config().reports(), clock.instant()), false));
    });
  }

  private Future<TdagReport.Inputs> inputs(Actor actor, int year, Region region) {
    List<Region> regions = region == null ? List.of(Region.values()) : List.of(region);
    Future<List<RegionalInitiative>> initiatives = Future.all(regions.stream()
            .map(r -> m.initiatives().ofRegion(r, null)).toList())
        .map(all -> all.<List<RegionalInitiative>>list().stream().flatMap(List::stream).toList());
    Future<List<Project>> projects = m.projects().all(ProjectService.Filter.ALL);
    Future<ExchangeRates> rates = m.rates().snapshot();
    Future<Map<String, List<ForumOutcome>>> forum = forum(actor, year, regions);
    return Future.all(initiatives, projects, rates, forum).compose(all -> Future.all(
            partnersOf(projects.result()), consultations(initiatives.result(), year))
        .map(more -> new TdagReport.Inputs(year, region, initiatives.result(), projects.result(), more.resultAt(0),
            rates.result(), m.config().cycles().stream().collect(Collectors.toMap(Cycle::code, Function.identity())),
            forum.result(), more.resultAt(1))));
  }

  private Future<Map<String, PartnerOrganization>> partnersOf(List<Project> projects) {
    List<String> ids = projects.stream().flatMap(p -> p.partners().stream()).map(ProjectParts.ProjectPartner::partnerId)
        .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    return m.partners().findAll(ids).map(list -> list.stream()
        .collect(Collectors.toMap(PartnerOrganization::id, Function.identity())));
  }

  /** Consultations opened or closing in the year, per initiative, with their answers added up. */
  private Future<Map<String, List<ConsultationSummary>>> consultations(List<RegionalInitiative> initiatives, int year) {
    List<Future<List<ConsultationSummary>>> work = initiatives.stream()
        .map(i -> m.consultations().ofInitiative(i.id()).compose(list -> Future.all(list.stream()
                .filter(c -> yearOf(c.createdAt()) == year || yearOf(c.deadline()) == year)
                .map(this::summary).toList())
            .map(done -> done.<ConsultationSummary>list())))
        .toList();
    return Future.all(work).map(done -> {
      Map<String, List<ConsultationSummary>> out = new LinkedHashMap<>();
      for (int i = 0; i < initiatives.size(); i++) {
        out.put(initiatives.get(i).id(), work.get(i).result());
      }
      return out;
    });
  }

  private Future<ConsultationSummary> summary(Consultation c) {
    return m.consultations().answersOf(c.id()).map(answers -> {
      JsonObject aggregate = ConsultationService.aggregate(c, answers);
      List<String> ranked = aggregate.getJsonArray("priorities").stream()
          .map(p -> ((JsonObject) p).getString("topic")).toList();
      int countries = (int) answers.stream().map(ConsultationAnswer::country).filter(Objects::nonNull).distinct().count();
      return new ConsultationSummary(c.question(), c.deadline(), answers.size(), countries, ranked);
    });
  }

  /**
   * The forum's agenda items (ids {@code ri-<initiative>}) on the year's meetings of the regions'
   * groups, read through the meeting feature's services as the (staff) reader.
   */
  private Future<Map<String, List<ForumOutcome>>> forum(Actor actor, int year, List<Region> regions) {
    return workspaces.allGroups().compose(groups -> {
      List<Group> ofRegions = groups.stream().filter(g -> g.region() != null && regions.contains(g.region())).toList();
      return Future.all(ofRegions.stream().map(g -> meetings.list(actor, g.id())).toList());
    }).compose(lists -> {
      List<Meeting> inYear = lists.<List<Meeting>>list().stream().flatMap(List::stream)
          .filter(meeting -> yearOf(meeting.start()) == year).toList();
      return Future.all(inYear.stream().map(meeting -> agendas.get(actor, meeting.id())
          .map(agenda -> outcomes(meeting, agenda.items()))).toList());
    }).map(done -> {
      Map<String, List<ForumOutcome>> out = new LinkedHashMap<>();
      for (Map<String, ForumOutcome> perMeeting : done.<Map<String, ForumOutcome>>list()) {
        perMeeting.forEach((initiativeId, outcome) -> out.computeIfAbsent(initiativeId, k -> new ArrayList<>())
            .add(outcome));
      }
      return out;
    });
  }

  private static Map<String, ForumOutcome> outcomes(Meeting meeting, List<AgendaItem> items) {
    Map<String, ForumOutcome> out = new LinkedHashMap<>();
    for (AgendaItem item : items) {
      if (item.id() != null && item.id().startsWith(ForumService.ITEM_PREFIX)) {
        out.put(item.id().substring(ForumService.ITEM_PREFIX.length()),
            new ForumOutcome(meeting.title(), meeting.start(), item.title(), item.notes()));
      }
    }
    return out;
  }

  private static int yearOf(java.time.Instant instant) {
    return instant == null ? Integer.MIN_VALUE : instant.atZone(ZoneOffset.UTC).getYear();
  }
}
