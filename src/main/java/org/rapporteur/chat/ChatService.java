package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.TooLargeException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.realtime.room.RoomAccess;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat rules: who reads and writes which room, message limits, edits, deletions, mentions and
 * moderation. Every change becomes an event in the room's log ({@link ChatLog}); who may read and
 * write a room is the room policy's answer, looked up through {@link Rooms}.
 */
public final class ChatService {
  private static final Logger log = LoggerFactory.getLogger(ChatService.class);
  private static final int MENTION_EXCERPT = 200;

  private final ChatConfig config;
  private final Rooms<Actor> rooms;
  private final ChatLog events;
  private final MuteStore mutes;
  private final ReadMarkStore readMarks;
  private final PinStore pins;
  private final RateLimiter rateLimiter;
  /** Null when this process runs alone: its own bucket is then the whole limit. */
  private final RateLimitStore sharedLimit;
  private final AuditTrail audit;
  private final RoomSearch search;

  ChatService(Vertx vertx, MuteStore mutes, ReadMarkStore readMarks, PinStore pins, Rooms<Actor> rooms,
      AuditTrail audit, ChatConfig config) {
    this(vertx, mutes, readMarks, pins, rooms, audit, config, null);
  }

  ChatService(Vertx vertx, MuteStore mutes, ReadMarkStore readMarks, PinStore pins, Rooms<Actor> rooms,
      AuditTrail audit, ChatConfig config, RateLimitStore sharedLimit) {
    this.config = config;
    this.rooms = rooms;
    this.events = new ChatLog(rooms.log(), rooms.store());
    this.mutes = mutes;
    this.readMarks = readMarks;
    this.pins = pins;
    this.rateLimiter = new RateLimiter(config.rateLimitEnabled(), config.rateBurst(), config.ratePerSecond());
    this.sharedLimit = config.rateLimitEnabled() ? sharedLimit : null;
    this.audit = audit;
    this.search = new RoomSearch(vertx, events, config.searchScanEvents());
  }

  public Future<Void> start() {
    return mutes.start();
  }

  public ChatConfig config() {
    return config;
  }

  /** The actor's access to a room; fails (forbidden / not found) unless they may read it. */
  public Future<RoomAccess> readAccess(Actor actor, RoomName room) {
    return rooms.readAccess(actor, room);
  }

  /**
   * Stores a message. A repeated clientId is caught by the log's unique index, so the common case
   * reads nothing first; only a refused message looks for an earlier attempt, so that a retry is
   * acknowledged with its original seq even if its sender has been muted or limited since.
   */
  public Future<ChatEvent> send(Actor actor, RoomAccess access, SendCommand command) {
    return checkWriter(actor, access, command.room(), command.text())
        .compose(v -> appendMessage(actor, command))
        .recover(refused -> events.findByClientId(command.room().toString(), command.clientId())
            .compose(earlier -> earlier.isPresent() ? Future.succeededFuture(earlier.get())
                : Future.<ChatEvent>failedFuture(refused)));
  }

  private Future<ChatEvent> appendMessage(Actor actor, SendCommand command) {
    Future<?> replyExists = command.replyTo() == null ? Future.succeededFuture()
        : requireMessage(command.room(), command.replyTo());
    return replyExists
        .compose(v -> events.append(command.room(), ChatEvent.draft(ChatEvent.MESSAGE,
            command.clientId(), actor.userId(), actor.name(), command.text(), command.replyTo(), null,
            command.mentions(), null)))
        .onSuccess(appended -> {
          if (!appended.duplicate() && !command.mentions().isEmpty()) {
            notifyMentions(actor, appended.event());
          }
        })
        .map(ChatLog.Appended::event);
  }

  public Future<ChatEvent> edit(Actor actor, RoomAccess access, EditCommand command) {
    return orEarlier(command.room(), command.clientId(), () -> editOnce(actor, access, command));
  }

  private Future<ChatEvent> editOnce(Actor actor, RoomAccess access, EditCommand command) {
    return checkWriter(actor, access, command.room(), command.text())
        .compose(v -> requireMessage(command.room(), command.target()))
        .compose(target -> {
          if (!actor.userId().equals(target.authorId())) {
            throw new ForbiddenException("Only its author may edit a message");
          }
          return events.append(command.room(), ChatEvent.draft(ChatEvent.EDIT, command.clientId(),
                  actor.userId(), actor.name(), command.text(), null, command.target(), List.of(), null))
              .compose(appended -> appended.duplicate() ? Future.succeededFuture(appended.event())
                  : keepForTheRecord(actor, "chat.edit", target)
                      .compose(v -> events.markEdited(command.room().toString(), command.target(), command.text(),
                          appended.event().at()))
                      .map(appended.event()));
        });
  }

  public Future<ChatEvent> delete(Actor actor, RoomAccess access, DeleteCommand command) {
    return orEarlier(command.room(), command.clientId(), () -> deleteOnce(actor, access, command));
  }

  private Future<ChatEvent> deleteOnce(Actor actor, RoomAccess access, DeleteCommand command) {
    if (!actor.signedIn()) {
      return Future.failedFuture(new ForbiddenException("Sign in first"));
    }
    return requireMessage(command.room(), command.target())
        .compose(target -> {
          boolean own = actor.userId().equals(target.authorId()) && access.canSend();
          if (!own && !access.canModerate()) {
            throw new ForbiddenException("Only its author and the room's moderators may delete a message");
          }
          return events.append(command.room(), ChatEvent.draft(ChatEvent.DELETE,
                  command.clientId(), actor.userId(), actor.name(), null, null, command.target(), List.of(), null))
              .compose(appended -> (appended.duplicate() ? Future.<Void>succeededFuture()
                  : keepForTheRecord(actor, "chat.delete", target))
                  .compose(v -> events.markDeleted(command.room().toString(), command.target()))
                  .map(appended.event()));
        });
  }

  /**
   * The text an edit or a deletion takes out of the chat, kept in the audit log (read by admins), so that
   * the meeting's record loses nothing while readers see only the latest text.
   */
  private Future<Void> keepForTheRecord(Actor actor, String action, ChatEvent message) {
    return audit.record(actor, action, "room", message.room(), new JsonObject().put("seq", message.seq())
        .put("authorId", message.authorId()).put("text", message.text()));
  }

  /** Mutes a participant in a room until unmuted; moderators only; audited. */
  public Future<Void> mute(Actor actor, RoomName room, String userId, boolean muted) {
    Ids.requirePathId(userId, "user");
    return requireModerator(actor, room).compose(access -> {
      Future<Void> change = muted ? mutes.mute(room.toString(), userId, actor.userId())
          : mutes.unmute(room.toString(), userId).mapEmpty();
      return change.compose(v -> audit.record(actor, muted ? "chat.mute" : "chat.unmute", "room", room.toString(),
          new JsonObject().put("userId", userId)));
    });
  }

  /**
   * Pins a message at the top of the room, in place of any other (moderators; audited). Pinning the
   * message already pinned changes nothing. Answers the seq of the pinned message.
   */
  public Future<Long> pin(Actor actor, RoomName room, long target) {
    return requireModerator(actor, room)
        .compose(access -> Future.all(requireMessage(room, target), pins.pinned(room.toString())))
        .compose(both -> {
          ChatEvent message = both.resultAt(0);
          if (both.<Optional<Long>>resultAt(1).filter(pinned -> pinned == target).isPresent()) {
            return Future.succeededFuture(target);
          }
          JsonObject author = message.authorId() == null ? null : new JsonObject()
              .put("author", new JsonObject().put("id", message.authorId()).put("name", message.authorName()));
          return changePin(actor, room, ChatEvent.PIN, target, message.text(), author).map(target);
        });
  }

  /** Takes the pinned message down (moderators; audited); nothing pinned is not an error. */
  public Future<Void> unpin(Actor actor, RoomName room) {
    return requireModerator(actor, room).compose(access -> pins.pinned(room.toString())).compose(pinned ->
        pinned.isEmpty() ? Future.succeededFuture()
            : changePin(actor, room, ChatEvent.UNPIN, pinned.get(), null, null).mapEmpty());
  }

  /** {@code about}: for a pin, who wrote the pinned message, so a reader who never loaded it sees whose it is. */
  private Future<ChatEvent> changePin(Actor actor, RoomName room, String kind, long target, String text,
      JsonObject about) {
    return audit.record(actor, "chat." + kind, "room", room.toString(), new JsonObject().put("seq", target))
        .compose(v -> events.append(room, ChatEvent.draft(kind, kind + "-" + UUID.randomUUID(),
            actor.userId(), actor.name(), text, null, target, List.of(), about)))
        .compose(appended -> pins.record(appended.event()).map(appended.event()));
  }

  /** Who is muted in the room, for its moderators: the chat panel offers to unmute them. */
  public Future<List<MuteStore.Mute>> mutes(Actor actor, RoomName room) {
    return requireModerator(actor, room).compose(access -> mutes.list(room.toString()));
  }

  private Future<RoomAccess> requireModerator(Actor actor, RoomName room) {
    actor.requireSignedIn();
    return rooms.access(actor, room).compose(access -> access.canModerate() ? Future.succeededFuture(access)
        : Future.failedFuture(new ForbiddenException("Only the room's moderators see and change who is muted")));
  }

  /**
   * The head of each room the actor may read, in the order asked, with how far they read it (signed in);
   * rooms they may not read are left out.
   */
  public Future<List<RoomHead>> heads(Actor actor, List<RoomName> rooms) {
    List<Future<Optional<Long>>> each = rooms.stream()
        .map(room -> readAccess(actor, room).compose(access -> events.head(room)).map(Optional::of)
            .recover(e -> e instanceof ForbiddenException || e instanceof NotFoundException
                ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e)))
        .toList();
    return Future.all(each).compose(v -> {
      Map<RoomName, Long> heads = new LinkedHashMap<>();
      for (int i = 0; i < rooms.size(); i++) {
        RoomName room = rooms.get(i);
        each.get(i).result().ifPresent(head -> heads.put(room, head));
      }
      return marksOf(actor, List.copyOf(heads.keySet())).map(marks -> heads.entrySet().stream()
          .map(e -> new RoomHead(e.getKey(), e.getValue(), marks.get(e.getKey().toString()))).toList());
    });
  }

  /** A room's last seq and the reader's mark in it (null: anonymous, or never read). */
  public record RoomHead(RoomName room, long head, Long read) {}

  /**
   * Records that the reader was shown the room up to {@code seq}, for all their devices; a mark never moves
   * back. Answers the mark as it now stands.
   */
  public Future<Long> markRead(Actor actor, RoomName room, long seq) {
    actor.requireSignedIn();
    return readAccess(actor, room).compose(access -> events.head(room)).compose(head -> {
      if (seq > head) {
        return Future.failedFuture(InvalidInputException.of("seq", "must not be beyond the room's last event (" + head + ")"));
      }
      return readMarks.advance(room.toString(), actor.userId(), seq);
    }).onSuccess(mark -> {
      // The reader's other tabs and devices follow their own room: the phone learns at once what the laptop read.
      RoomName readerRoom = RoomName.of("user", actor.userId());
      events.tell(readerRoom, new JsonObject().put("type", "read").put("room", readerRoom.toString())
          .put("target", room.toString()).put("seq", mark));
    });
  }

  private Future<Map<String, Long>> marksOf(Actor actor, List<RoomName> rooms) {
    return actor.signedIn() && !rooms.isEmpty()
        ? readMarks.marks(actor.userId(), rooms.stream().map(RoomName::toString).toList())
        : Future.succeededFuture(Map.of());
  }

  /**
   * Messages of the room matching the query, newest first, read back from {@code before} (the head when
   * null) through at most {@code searchScanEvents} events (see {@link RoomSearch}).
   */
  public Future<RoomSearch.Found> search(Actor actor, RoomName room, ChatSearch query, Long before, int limit) {
    return readAccess(actor, room).compose(access -> events.head(room))
        .compose(head -> search.back(room, query, before == null ? head + 1 : Math.min(before, head + 1), limit));
  }

  /** The room's messages as CSV, for anyone who may read the room; up to its head when asked. */
  public Future<ChatTranscript> transcript(Actor actor, RoomName room) {
    return readAccess(actor, room).compose(access -> events.head(room))
        .map(head -> new ChatTranscript(events, room, head));
  }

  /**
   * Up to {@code limit} events before {@code before} (the newest when null), oldest first, the head, whether
   * the reader is muted there, how far they read it and the pinned message.
   */
  public Future<History> history(Actor actor, RoomName room, Long before, int limit) {
    return readAccess(actor, room)
        .compose(access -> Future.all(actor.signedIn() ? mutes.isMuted(room.toString(), actor.userId())
            : Future.succeededFuture(false), events.head(room), marksOf(actor, List.of(room)), pinnedMessage(room)))
        .compose(all -> {
          long head = all.<Long>resultAt(1);
          Long read = all.<Map<String, Long>>resultAt(2).get(room.toString());
          return events.page(room.toString(), before == null ? head + 1 : Math.min(before, head + 1), limit)
              .map(page -> {
                List<ChatEvent> oldestFirst = new ArrayList<>(page);
                Collections.reverse(oldestFirst);
                return new History(head, oldestFirst, all.<Boolean>resultAt(0), read,
                    all.<Optional<ChatEvent>>resultAt(3));
              });
        });
  }

  /**
   * A page of a room's events; {@code muted}: whether the reader is muted there, so the panel says so at once;
   * {@code read}: their read mark (null: anonymous, or never read), so the panel can say what they missed;
   * {@code pinned}: the message pinned at the top of the room, as it stands (edited, not deleted).
   */
  public record History(long head, List<ChatEvent> events, boolean muted, Long read, Optional<ChatEvent> pinned) {}

  private Future<Optional<ChatEvent>> pinnedMessage(RoomName room) {
    return pins.pinned(room.toString()).compose(pinned -> pinned.isEmpty() ? Future.succeededFuture(Optional.empty())
        : events.findBySeq(room.toString(), pinned.get()).map(found -> found.filter(message -> !message.deleted())));
  }

  private Future<Void> checkWriter(Actor actor, RoomAccess access, RoomName room, String text) {
    if (!actor.signedIn() || !access.canSend()) {
      return Future.failedFuture(new ForbiddenException("You may read but not write in room " + room));
    }
    if (text.codePointCount(0, text.length()) > config.maxTextLength()) {
      return Future.failedFuture(new TooLargeException(
          "A message may have at most " + config.maxTextLength() + " characters"));
    }
    try {
      rateLimiter.take(actor.userId());
    } catch (RuntimeException limited) {
      return Future.failedFuture(limited);
    }
    // The process's own bucket first: it refuses a flood without a database round trip.
    Future<Void> shared = sharedLimit == null ? Future.succeededFuture() : sharedLimit.take(actor.userId());
    return shared.compose(v -> mutes.isMuted(room.toString(), actor.userId())).map(muted -> {
      if (muted) {
        throw new MutedException("A moderator has muted you in this room");
      }
      return null;
    });
  }

  /** A retried edit or deletion gets the event its first attempt stored, even though its target changed since. */
  private Future<ChatEvent> orEarlier(RoomName room, String clientId, Supplier<Future<ChatEvent>> once) {
    return events.findByClientId(room.toString(), clientId)
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : once.get());
  }

  private Future<ChatEvent> requireMessage(RoomName room, long seq) {
    return events.findBySeq(room.toString(), seq).map(found -> {
      ChatEvent event = found.orElseThrow(() -> new NotFoundException("No message " + seq + " in room " + room));
      if (!ChatEvent.MESSAGE.equals(event.kind())) {
        throw new UnprocessableException("Event " + seq + " is not a message");
      }
      if (event.deleted()) {
        throw new UnprocessableException("Message " + seq + " was deleted");
      }
      return event;
    });
  }

  /** After the message is stored: one notification per mentioned reader, idempotent by its clientId. */
  private void notifyMentions(Actor actor, ChatEvent message) {
    RoomName room = RoomName.parse(message.room(), "room");
    String text = message.text();
    String excerpt = text.length() > MENTION_EXCERPT ? text.substring(0, MENTION_EXCERPT) + "…" : text;
    JsonObject about = new JsonObject().put("room", message.room()).put("seq", message.seq());
    rooms.readers(actor, room, message.mentions())
        .compose(readers -> Future.all(readers.stream().map(userId -> events.append(RoomName.of("user", userId),
            ChatEvent.draft(ChatEvent.MENTION, "mention:" + message.room() + ":" + message.seq(),
                actor.userId(), actor.name(), excerpt, null, null, List.of(), about))).toList()))
        .onFailure(e -> log.warn("Mention notifications for {}:{} failed", message.room(), message.seq(), e));
  }
}
