package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.account.AccountService;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.realtime.room.RoomAccessChanged;
import org.rapporteur.workspace.WorkspaceService;

/** Meetings of a group, registration and attendance. Chairs and the secretariat schedule and run them. */
public final class MeetingService {
  private final MeetingStore store;
  private final WorkspaceService workspaces;
  private final AccountService accounts;
  private final AuditTrail audit;
  private final EventBus bus;

  /** {@code bus}: where a registration is announced, since it lets the person talk in the meeting's room. */
  MeetingService(MeetingStore store, WorkspaceService workspaces, AccountService accounts, AuditTrail audit,
      EventBus bus) {
    this.bus = bus;
    this.store = store;
    this.workspaces = workspaces;
    this.accounts = accounts;
    this.audit = audit;
  }

  public Future<Void> start() {
    return store.createIndexes();
  }

  public Future<List<Meeting>> list(Actor actor, String groupId) {
    return workspaces.access(actor, groupId).compose(access -> store.findByGroup(groupId));
  }

  public Future<Meeting> create(Actor actor, String groupId, MeetingDraft draft) {
    Meeting meeting = new Meeting(Ids.newId(), groupId, draft.title(), draft.kind(), draft.start(), draft.end(),
        draft.zone().getId(), draft.venue(), draft.remoteInstructions(), draft.contributionDeadline(), Instant.now(), null);
    return workspaces.requireManager(actor, groupId)
        .compose(access -> store.insert(meeting))
        .compose(m -> audit.record(actor, "meeting.create", "meeting", m.id(), m.toJson()).map(m));
  }

  public Future<MeetingAccess> access(Actor actor, String meetingId) {
    Ids.requirePathId(meetingId, "meeting");
    return store.findById(meetingId)
        .map(found -> found.orElseThrow(() -> new NotFoundException("No meeting with id " + meetingId)))
        .compose(meeting -> workspaces.access(actor, meeting.groupId()).map(group -> new MeetingAccess(meeting, group)))
        // A meeting of a group hidden from the actor is as missing as one that never was.
        .recover(e -> Future.failedFuture(e instanceof NotFoundException
            ? new NotFoundException("No meeting with id " + meetingId) : e));
  }

  public Future<MeetingAccess> requireChair(Actor actor, String meetingId) {
    actor.requireSignedIn();
    return access(actor, meetingId).map(access -> {
      if (!access.canRun()) {
        throw new ForbiddenException("Only the chair, vice-chairs and the secretariat may do this");
      }
      return access;
    });
  }

  /** The meeting page: the meeting, the group, and the viewer's registration and rights. */
  public Future<JsonObject> view(Actor actor, String meetingId) {
    return access(actor, meetingId).compose(access -> {
      Future<Optional<Participant>> mine = actor.signedIn()
          ? store.findParticipant(meetingId, actor.userId()) : Future.succeededFuture(Optional.empty());
      return mine.map(registration -> access.meeting().toJson()
          .put("group", new JsonObject().put("id", access.group().group().id())
              .put("code", access.group().group().code()).put("title", access.group().group().title()))
          .put("canRun", access.canRun())
          .put("myRegistration", registration.map(Participant::toJson).orElse(null)));
    });
  }

  public Future<Meeting> update(Actor actor, String meetingId, JsonInput changes) {
    return requireChair(actor, meetingId)
        .map(access -> MeetingChanges.apply(access.meeting(), changes))
        .compose(store::replace)
        .compose(m -> audit.record(actor, "meeting.update", "meeting", m.id(), m.toJson()).map(m));
  }

  /** Calls the meeting off (or, with {@code cancellation} null, reinstates it); it stays listed and readable. */
  public Future<Meeting> setCancellation(Actor actor, String meetingId, Cancellation cancellation) {
    return requireChair(actor, meetingId)
        .map(access -> access.meeting().withCancellation(cancellation))
        .compose(store::replace)
        .compose(m -> audit.record(actor, cancellation == null ? "meeting.reinstate" : "meeting.cancel", "meeting",
            m.id(), m.toJson()).map(m));
  }

  public Future<Optional<Meeting>> find(String meetingId) {
    return Ids.isValid(meetingId) ? store.findById(meetingId) : Future.succeededFuture(Optional.empty());
  }

  /** The group's next meeting that has not ended, if one is scheduled. */
  public Future<Optional<Meeting>> nextMeeting(String groupId, Instant now) {
    return store.findNext(groupId, now);
  }

  public Future<Participant> register(Actor actor, String meetingId, ParticipationMode mode) {
    actor.requireSignedIn();
    return access(actor, meetingId)
        .compose(access -> requireNotCancelled(access.meeting()))
        .compose(meeting -> store.findParticipant(meetingId, actor.userId()))
        .compose(existing -> accounts.requireUser(actor.userId()).map(user -> new Participant(meetingId, user.id(),
            user.name(), user.country(), user.affiliation(), mode,
            existing.map(Participant::registeredAt).orElse(Instant.now()),
            existing.map(Participant::attendedMode).orElse(null), existing.map(Participant::attendedAt).orElse(null))))
        .compose(participant -> store.saveParticipant(participant).map(participant))
        .onSuccess(participant -> new RoomAccessChanged(participant.userId()).publish(bus));
  }

  /** A meeting called off takes no registrations nor requests for the floor; it stays readable. */
  static Future<Meeting> requireNotCancelled(Meeting meeting) {
    if (meeting.cancellation() == null) {
      return Future.succeededFuture(meeting);
    }
    return Future.failedFuture(ConflictException.ofType("meeting-cancelled", "This meeting was cancelled on "
        + meeting.cancellation().at() + "; it takes no registrations nor requests for the floor",
        new JsonObject().put("cancellation", meeting.cancellation().toJson())));
  }

  public Future<Void> unregister(Actor actor, String meetingId) {
    actor.requireSignedIn();
    return access(actor, meetingId).compose(access -> store.deleteParticipant(meetingId, actor.userId()))
        .onSuccess(v -> new RoomAccessChanged(actor.userId()).publish(bus))
        .mapEmpty();
  }

  /**
   * Records that someone took part, remotely or on site: a participant for themselves (which also
   * registers them), or a chair for a registered participant.
   */
  public Future<Participant> markAttendance(Actor actor, String meetingId, String userId, ParticipationMode mode) {
    actor.requireSignedIn();
    boolean self = userId == null || userId.equals(actor.userId());
    Future<MeetingAccess> allowed = self ? access(actor, meetingId) : requireChair(actor, meetingId);
    String who = self ? actor.userId() : userId;
    return allowed
        .compose(access -> store.findParticipant(meetingId, who))
        .compose(existing -> {
          if (existing.isEmpty() && !self) {
            return Future.failedFuture(UnprocessableException.of("userId", "is not registered for this meeting"));
          }
          return existing.isPresent() ? Future.succeededFuture(existing.get()) : register(actor, meetingId, mode);
        })
        .map(p -> new Participant(p.meetingId(), p.userId(), p.name(), p.country(), p.affiliation(), p.mode(),
            p.registeredAt(), mode, p.attendedAt() != null ? p.attendedAt() : Instant.now()))
        .compose(p -> store.saveParticipant(p).map(p))
        .compose(p -> self ? Future.succeededFuture(p)
            : audit.record(actor, "meeting.attendance", "meeting", meetingId, p.toJson()).map(p));
  }

  /** Whether the user registered for the meeting (registered participants may talk in its room). */
  public Future<Boolean> isRegistered(String meetingId, String userId) {
    return userId == null ? Future.succeededFuture(false)
        : store.findParticipant(meetingId, userId).map(java.util.Optional::isPresent);
  }

  public Future<List<Participant>> participants(Actor actor, String meetingId) {
    return access(actor, meetingId).compose(access -> store.findParticipants(meetingId));
  }

  public Future<String> attendanceCsv(Actor actor, String meetingId) {
    return requireChair(actor, meetingId).compose(access -> store.findParticipants(meetingId)).map(AttendanceCsv::of);
  }
}
