package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.liaison.AgendaProposals;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.http.RouteModule;

/** Agendas over their store, and the routes of the whole meeting feature. */
public final class AgendaModule {
  private final MeetingModule meeting;
  private final AgendaService agendas;
  private final ContributionService contributions;

  /** {@code exports}: the bounded worker pool that renders agenda exports. */
  public AgendaModule(MongoClient mongo, MeetingModule meeting, ContributionService contributions, RoomEvents rooms,
      AuditTrail audit, WorkerExecutor exports) {
    this.meeting = meeting;
    this.contributions = contributions;
    this.agendas = new AgendaService(new AgendaStore(mongo), meeting.meetings(), new AgendaContributions(contributions),
        rooms, audit, exports);
  }

  public Future<Void> start() {
    return agendas.start();
  }

  public AgendaService agendas() {
    return agendas;
  }

  /** How an incoming liaison statement becomes a proposed item on the group's next agenda. */
  public AgendaProposals proposals() {
    return (groupId, statement) -> agendas.proposeItem(groupId, statement.title(), statement.toOrigin(),
            statement.replyDue())
        .map(found -> found.map(p -> new AgendaProposals.Proposal(p.meetingId(), p.meetingStart(),
            p.deadlineBeforeMeeting())));
  }

  /** The document register of each meeting (JSON, CSV, ZIP of the originals). */
  public RouteModule registerRoutes(RegisterConfig config) {
    return new RegisterRoutes(new RegisterService(meeting.meetings(), agendas, contributions, config));
  }

  public RouteModule routes() {
    return new MeetingRoutes(meeting.meetings(), agendas, meeting.speakerQueue());
  }
}
