package org.rapporteur.chat;

import static org.rapporteur.platform.csv.Csv.cell;

import io.vertx.core.Future;
import java.util.function.Function;
import org.rapporteur.platform.csv.Csv;
import org.rapporteur.realtime.room.RoomName;

/**
 * A room's messages as CSV, for the meeting's record: in sequence order, as their edits and deletions
 * left them. Read and written a page at a time, so a long meeting's chat never sits whole in memory,
 * and only up to the head read when it was asked for, so it ends even while the room goes on.
 */
record ChatTranscript(ChatLog events, RoomName room, long head) {
  static final String HEADER = "seq,sent_at_utc,author,text,in_reply_to,edited_at_utc,deleted";
  static final int PAGE = 500;

  /** Hands the transcript to {@code out} in chunks, each once the one before was taken. */
  Future<Void> writeTo(Function<String, Future<Void>> out) {
    return out.apply(Csv.start(HEADER)).compose(v -> pagesAfter(0, out));
  }

  private Future<Void> pagesAfter(long after, Function<String, Future<Void>> out) {
    if (after >= head) {
      return Future.succeededFuture();
    }
    return events.range(room.toString(), after, head, PAGE).compose(page -> {
      StringBuilder chunk = new StringBuilder();
      for (ChatEvent event : page) {
        if (ChatEvent.MESSAGE.equals(event.kind())) {
          chunk.append(line(event));
        }
      }
      Future<Void> written = chunk.length() == 0 ? Future.succeededFuture() : out.apply(chunk.toString());
      return written.compose(v -> pagesAfter(Math.min(head, after + PAGE), out));
    });
  }

  private static String line(ChatEvent message) {
    return Csv.line(String.valueOf(message.seq()), cell(message.at().toString()), cell(message.authorName()),
        cell(message.deleted() ? "" : message.text()),
        message.replyTo() == null ? "" : String.valueOf(message.replyTo()),
        cell(message.editedAt() == null ? "" : message.editedAt().toString()),
        message.deleted() ? "yes" : "no");
  }
}
