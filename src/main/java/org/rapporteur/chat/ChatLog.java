package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomEventStore;
import org.rapporteur.realtime.room.RoomLog;
import org.rapporteur.realtime.room.RoomName;

/** The rooms' logs as chat reads and writes them: chat events in, chat events out. */
final class ChatLog {
  private final RoomLog log;
  private final RoomEventStore store;

  ChatLog(RoomLog log, RoomEventStore store) {
    this.log = log;
    this.store = store;
  }

  record Appended(ChatEvent event, boolean duplicate) {}

  Future<Appended> append(RoomName room, RoomEvent.Draft draft) {
    return log.append(room, draft).map(a -> new Appended(ChatEvent.of(a.event()), a.duplicate()));
  }

  Future<Long> head(RoomName room) {
    return log.head(room);
  }

  /** A frame for the room's subscribers now, neither stored nor numbered (see {@link RoomLog#tell}). */
  void tell(RoomName room, JsonObject frame) {
    log.tell(room, frame);
  }

  Future<Optional<ChatEvent>> findByClientId(String room, String clientId) {
    return store.findByClientId(room, clientId).map(found -> found.map(ChatEvent::of));
  }

  Future<Optional<ChatEvent>> findBySeq(String room, long seq) {
    return store.findBySeq(room, seq).map(found -> found.map(ChatEvent::of));
  }

  /** Events with after &lt; seq &le; upTo, in order, at most {@code limit}. */
  Future<List<ChatEvent>> range(String room, long after, long upTo, int limit) {
    return store.range(room, after, upTo, limit).map(ChatLog::chat);
  }

  /** The {@code limit} events before {@code before}, newest first. */
  Future<List<ChatEvent>> page(String room, long before, int limit) {
    return store.page(room, before, limit).map(ChatLog::chat);
  }

  /** Keeps a message's stored text current with its latest edit, for history readers. */
  Future<Void> markEdited(String room, long seq, String text, Instant at) {
    return store.amend(room, seq,
        new JsonObject().put("$set", new JsonObject().put("text", text).put("editedAt", MongoTime.of(at))));
  }

  /** Removes a deleted message's text, and the text of its edits, from storage. */
  Future<Void> markDeleted(String room, long seq) {
    JsonObject unsetText = new JsonObject().put("$unset", new JsonObject().put("text", ""));
    return store.amend(room, seq, unsetText.copy().put("$set", new JsonObject().put("deleted", true)))
        .compose(v -> store.amendAll(room, new JsonObject().put("kind", ChatEvent.EDIT).put("target", seq),
            unsetText));
  }

  private static List<ChatEvent> chat(List<RoomEvent> events) {
    return events.stream().map(ChatEvent::of).toList();
  }
}
