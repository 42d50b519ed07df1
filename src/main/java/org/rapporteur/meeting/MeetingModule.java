package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.account.AccountService;
import org.rapporteur.contribution.MeetingDeadlines;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Meetings and their speaker queues over their stores. The agendas come in a second step
 * ({@link AgendaModule}): they look up contributions, which need the meetings' deadlines first.
 */
public final class MeetingModule {
  private final MeetingService meetings;
  private final SpeakerQueueService speakerQueue;
  private final WorkspaceService workspaces;

  public MeetingModule(MongoClient mongo, EventBus bus, WorkspaceService workspaces, AccountService accounts,
      AuditTrail audit, RoomEvents rooms) {
    this.workspaces = workspaces;
    this.meetings = new MeetingService(new MeetingStore(mongo), workspaces, accounts, audit, bus);
    this.speakerQueue = new SpeakerQueueService(new SpeakerQueueStore(mongo), meetings, accounts, rooms, audit);
  }

  public Future<Void> start() {
    return meetings.start().compose(v -> speakerQueue.start());
  }

  public MeetingService meetings() {
    return meetings;
  }

  public SpeakerQueueService speakerQueue() {
    return speakerQueue;
  }

  /** What the contribution feature asks of meetings: a meeting's group and contribution deadline. */
  public MeetingDeadlines deadlines() {
    return id -> meetings.find(id)
        .map(found -> found.map(m -> new MeetingDeadlines.Target(m.groupId(), m.contributionDeadline())));
  }

  public MeetingRoomPolicy roomPolicy() {
    return new MeetingRoomPolicy(meetings, workspaces);
  }
}
