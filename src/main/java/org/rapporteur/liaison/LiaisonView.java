package org.rapporteur.liaison;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A statement with its thread (every statement linked by replies, oldest first, as far as the reader
 * may see them) and what the reader may do with it. {@code replyGroups} are the addressed groups in
 * which the reader may take it up and reply.
 */
public record LiaisonView(Liaison statement, List<Liaison> thread, boolean canEdit, boolean canApprove,
    boolean canSend, boolean canClose, List<Liaison.Party> replyGroups, List<Attachment> attachments,
    String sendsAs) {

  /** An attached contribution as a reader names it: its number and title, never only its database id. */
  public record Attachment(String id, String number, String title) {
    JsonObject toJson() {
      return new JsonObject().put("id", id).put("number", number).put("title", title);
    }
  }

  LiaisonView with(List<Attachment> found, String number) {
    return new LiaisonView(statement, thread, canEdit, canApprove, canSend, canClose, replyGroups, found, number);
  }

  public JsonObject toJson() {
    Instant now = Instant.now();
    return new JsonObject()
        .put("statement", statement.toJson(now))
        .put("thread", new JsonArray(thread.stream().map(l -> l.toJson(now)).toList()))
        .put("attachments", new JsonArray(attachments.stream().map(Attachment::toJson).toList()))
        .put("can", new JsonObject().put("edit", canEdit).put("approve", canApprove).put("send", canSend)
            .put("sendsAs", sendsAs)
            .put("close", canClose)
            .put("replyGroups", new JsonArray(replyGroups.stream().map(Liaison.Party::toJson).toList())));
  }
}
