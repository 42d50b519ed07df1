package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.realtime.room.RoomName;

/**
 * Reads a room back for "find in this chat", a page of events at a time, through at most a set number
 * of events per request, and says where the next request goes on. The matching runs on a worker thread:
 * texts of up to 4,000 characters are folded and compared a page at a time, which on an event loop would
 * hold up every room's deliveries.
 */
final class RoomSearch {
  /** Events read at once, newest first. */
  private static final int PAGE = 500;

  private final Vertx vertx;
  private final ChatLog events;
  private final int scanEvents;

  RoomSearch(Vertx vertx, ChatLog events, int scanEvents) {
    this.vertx = vertx;
    this.events = events;
    this.scanEvents = scanEvents;
  }

  /** Found messages, newest first; {@code next}: the {@code before} of the next request, null at the room's start. */
  public record Found(List<ChatEvent> messages, Long next) {}

  /** Up to {@code limit} messages matching the query among the events before {@code before}. */
  Future<Found> back(RoomName room, ChatSearch query, long before, int limit) {
    return back(room, query, before, limit, scanEvents, new ArrayList<>());
  }

  private Future<Found> back(RoomName room, ChatSearch query, long before, int limit, int budget, List<ChatEvent> found) {
    if (before <= 1) {
      return Future.succeededFuture(new Found(found, null));
    }
    if (budget <= 0) {
      return Future.succeededFuture(new Found(found, before));
    }
    int size = Math.min(PAGE, budget);
    return events.page(room.toString(), before, size)
        .compose(page -> vertx.executeBlocking(() -> page.stream()
            .filter(e -> ChatEvent.MESSAGE.equals(e.kind()) && !e.deleted() && query.matches(e.text())).toList(), false))
        .compose(matches -> {
          for (ChatEvent match : matches) {
            found.add(match);
            if (found.size() == limit) {
              return Future.succeededFuture(new Found(found, match.seq() > 1 ? match.seq() : null));
            }
          }
          return back(room, query, Math.max(1, before - size), limit, budget - size, found);
        });
  }
}
