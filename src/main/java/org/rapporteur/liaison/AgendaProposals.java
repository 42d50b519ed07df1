package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Proposes an agenda item at an addressed group's next meeting when a statement for action arrives.
 * The meetings feature implements it; until it is connected, {@link #NONE} proposes nothing.
 */
public interface AgendaProposals {
  AgendaProposals NONE = (groupId, statement) -> Future.succeededFuture(Optional.empty());

  /**
   * Proposes an item titled as the statement on the next meeting of {@code groupId}, marked with the
   * statement it comes from (for the browser to say so in the reader's language).
   *
   * @return the meeting it was proposed at, or empty when the group has no upcoming meeting
   */
  Future<Optional<Proposal>> propose(String groupId, Statement statement);

  /** The incoming statement an item is proposed from; {@code replyDue} may be null. */
  record Statement(String liaisonId, String number, String from, String title, Instant replyDue) {
    /** The item's {@code origin}: {@code {kind: "liaison", liaisonId, number, from, replyDue}}. */
    public JsonObject toOrigin() {
      return new JsonObject().put("kind", "liaison").put("liaisonId", liaisonId).put("number", number)
          .put("from", from).put("replyDue", replyDue == null ? null : replyDue.toString());
    }
  }

  /** Where the statement was proposed; {@code deadlineBeforeMeeting} warns that the reply is due first. */
  record Proposal(String meetingId, Instant meetingStart, boolean deadlineBeforeMeeting) {
    JsonObject toJson() {
      return new JsonObject().put("meetingId", meetingId).put("meetingStart", meetingStart.toString())
          .put("deadlineBeforeMeeting", deadlineBeforeMeeting);
    }

    static Proposal fromJson(JsonObject json) {
      return json == null ? null : new Proposal(json.getString("meetingId"),
          Instant.parse(json.getString("meetingStart")), json.getBoolean("deadlineBeforeMeeting", false));
    }
  }
}
