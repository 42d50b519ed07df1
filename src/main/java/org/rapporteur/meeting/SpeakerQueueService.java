package org.rapporteur.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rapporteur.account.AccountService;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.platform.mongo.MongoErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue for the floor, shared by remote and on-site participants. Participants ask and withdraw;
 * the chair grants, dismisses, reorders and adds people who have no account. Each change is pushed
 * to the meeting's room with the whole queue, which stays small.
 */
public final class SpeakerQueueService {
  private static final Logger log = LoggerFactory.getLogger(SpeakerQueueService.class);

  private final SpeakerQueueStore store;
  private final MeetingService meetings;
  private final AccountService accounts;
  private final RoomEvents rooms;
  private final AuditTrail audit;

  SpeakerQueueService(SpeakerQueueStore store, MeetingService meetings, AccountService accounts, RoomEvents rooms,
      AuditTrail audit) {
    this.store = store;
    this.meetings = meetings;
    this.accounts = accounts;
    this.rooms = rooms;
    this.audit = audit;
  }

  public Future<Void> start() {
    return store.createIndexes();
  }

  /** The queue, with the meeting room's head read before it (see {@link RoomSnapshot}). */
  public Future<RoomSnapshot<QueueState>> queue(Actor actor, String meetingId) {
    return meetings.access(actor, meetingId)
        .compose(access -> rooms.head(AgendaService.room(meetingId)))
        .compose(head -> store.version(meetingId)
            .compose(version -> ordered(meetingId).map(entries -> new RoomSnapshot<>(head, new QueueState(version, entries)))));
  }

  public Future<QueueState> requestFloor(Actor actor, String meetingId, ParticipationMode mode) {
    actor.requireSignedIn();
    return meetings.access(actor, meetingId)
        .compose(access -> MeetingService.requireNotCancelled(access.meeting()))
        .compose(meeting -> store.active(meetingId))
        .compose(active -> {
          // Checked here for a clear answer; the store's unique active key settles two requests sent at once.
          if (active.stream().anyMatch(e -> actor.userId().equals(e.userId()))) {
            return Future.failedFuture(alreadyQueued());
          }
          return accounts.requireUser(actor.userId())
              .compose(user -> enqueue(meetingId, user.id(), user.name(), user.country(), mode))
              .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e) ? alreadyQueued() : e));
        })
        .compose(entry -> changed(meetingId));
  }

  /** The chair adds someone in the room, with or without an account. */
  public Future<QueueState> addSpeaker(Actor actor, String meetingId, String name, String country,
      ParticipationMode mode) {
    return meetings.requireChair(actor, meetingId)
        .compose(access -> enqueue(meetingId, null, name, country, mode))
        .compose(entry -> audit.record(actor, "queue.add", "meeting", meetingId, entry.toJson()))
        .compose(v -> changed(meetingId));
  }

  public Future<QueueState> grant(Actor actor, String meetingId, String entryId) {
    return meetings.requireChair(actor, meetingId)
        .compose(access -> activeEntry(meetingId, entryId))
        .compose(entry -> store.finishSpeakers(meetingId)
            .compose(v -> store.setState(entry.id(), SpeakerState.SPEAKING, Instant.now())))
        .compose(v -> changed(meetingId));
  }

  /** The owner withdraws their request; the chair dismisses any entry (a speaker who finished is done). */
  public Future<QueueState> remove(Actor actor, String meetingId, String entryId) {
    actor.requireSignedIn();
    return meetings.access(actor, meetingId)
        .compose(access -> activeEntry(meetingId, entryId).compose(entry -> {
          boolean own = actor.userId().equals(entry.userId());
          if (!own && !access.canRun()) {
            return Future.failedFuture(new ForbiddenException("Only the chair may remove someone else's request"));
          }
          // A speaker who says "I have finished" is done, as when the chair ends their turn.
          SpeakerState end = entry.state() == SpeakerState.SPEAKING ? SpeakerState.DONE
              : own ? SpeakerState.WITHDRAWN : SpeakerState.DISMISSED;
          return store.setState(entry.id(), end, null);
        }))
        .compose(v -> changed(meetingId));
  }

  /** The chair's new order of everyone waiting; it must name each waiting entry exactly once. */
  public Future<QueueState> reorder(Actor actor, String meetingId, List<String> entryIds) {
    return meetings.requireChair(actor, meetingId)
        .compose(access -> store.active(meetingId))
        .compose(active -> {
          List<QueueEntry> waiting = active.stream().filter(e -> e.state() == SpeakerState.WAITING).toList();
          Set<String> expected = new HashSet<>(waiting.stream().map(QueueEntry::id).toList());
          if (!expected.equals(new HashSet<>(entryIds)) || entryIds.size() != expected.size()) {
            return Future.failedFuture(UnprocessableException.of("entryIds",
                "must list every waiting request exactly once (the queue changed meanwhile: reload it)"));
          }
          List<Long> positions = waiting.stream().map(QueueEntry::position).sorted().toList();
          List<Future<Void>> writes = new ArrayList<>();
          for (int i = 0; i < entryIds.size(); i++) {
            writes.add(store.setPosition(entryIds.get(i), positions.get(i)));
          }
          return Future.all(writes);
        })
        .compose(v -> changed(meetingId));
  }

  private Future<QueueEntry> enqueue(String meetingId, String userId, String name, String country,
      ParticipationMode mode) {
    return store.nextPosition(meetingId).compose(position -> store.insert(new QueueEntry(Ids.newId(), meetingId,
        userId, name, country, mode, SpeakerState.WAITING, position, Instant.now(), null)));
  }

  private Future<QueueEntry> activeEntry(String meetingId, String entryId) {
    Ids.requirePathId(entryId, "queue entry");
    return store.find(meetingId, entryId).map(found -> found.filter(QueueEntry::active)
        .orElseThrow(() -> new NotFoundException("No such request in this meeting's queue")));
  }

  /** Speaker first, then the waiting in order. */
  private Future<List<QueueEntry>> ordered(String meetingId) {
    return store.active(meetingId).map(active -> {
      List<QueueEntry> out = new ArrayList<>(active.stream().filter(e -> e.state() == SpeakerState.SPEAKING).toList());
      out.addAll(active.stream().filter(e -> e.state() == SpeakerState.WAITING).toList());
      return out;
    });
  }

  private static ConflictException alreadyQueued() {
    return new ConflictException("You are already in the queue");
  }

  /**
   * Counts the change, then reads the queue: read after its own count, it is at least that fresh. The
   * answer waits for the change's room event, so that a read made after it carries a room head that
   * already includes the change.
   */
  private Future<QueueState> changed(String meetingId) {
    return store.nextVersion(meetingId)
        .compose(version -> ordered(meetingId).map(entries -> new QueueState(version, entries)))
        .compose(state -> rooms.publish(AgendaService.room(meetingId), new JsonObject()
                .put("kind", "queue").put("queue", state.items()).put("version", state.version()))
            .map(state)
            .recover(e -> {
              log.warn("Queue of {} changed but was not pushed live", meetingId, e);
              return Future.succeededFuture(state);
            }));
  }
}
