package org.rapporteur.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.i18n.Languages;
import org.rapporteur.platform.json.JsonInput;

/** Meetings, registration, attendance, the agenda, its exports and the speaker queue. */
public final class MeetingRoutes implements RouteModule {
  private final MeetingService meetings;
  private final AgendaService agendas;
  private final SpeakerQueueService queue;

  public MeetingRoutes(MeetingService meetings, AgendaService agendas, SpeakerQueueService queue) {
    this.meetings = meetings;
    this.agendas = agendas;
    this.queue = queue;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/groups/:id/meetings").respond(ctx -> meetings.list(Actors.of(ctx), ctx.pathParam("id"))
        .map(list -> items(list.stream().map(Meeting::toJson).toList())));
    Responses.created(router.post("/api/groups/:id/meetings"), ctx -> meetings
        .create(Actors.of(ctx), ctx.pathParam("id"), MeetingDraft.from(JsonInput.from(ctx))).map(Meeting::toJson));
    router.get("/api/meetings/:id").respond(ctx -> meetings.view(Actors.of(ctx), id(ctx)));
    router.patch("/api/meetings/:id").respond(ctx -> meetings
        .update(Actors.of(ctx), id(ctx), JsonInput.from(ctx)).map(Meeting::toJson));
    router.post("/api/meetings/:id/cancellation").respond(ctx -> {
      JsonInput in = JsonInput.from(ctx);
      String note = in.optionalString("note", 2000);
      in.done();
      Actor actor = Actors.of(ctx);
      return meetings.setCancellation(actor, id(ctx), new Cancellation(Instant.now(), actor.name(), note))
          .map(Meeting::toJson);
    });
    router.delete("/api/meetings/:id/cancellation").respond(ctx -> meetings
        .setCancellation(Actors.of(ctx), id(ctx), null).map(Meeting::toJson));

    router.put("/api/meetings/:id/registration").respond(ctx -> meetings
        .register(Actors.of(ctx), id(ctx), ParticipationRequest.from(JsonInput.from(ctx)).mode()).map(Participant::toJson));
    Responses.noContent(router.delete("/api/meetings/:id/registration"), ctx -> meetings.unregister(Actors.of(ctx), id(ctx)));
    router.post("/api/meetings/:id/attendance").respond(ctx -> {
      ParticipationRequest request = ParticipationRequest.from(JsonInput.from(ctx));
      return meetings.markAttendance(Actors.of(ctx), id(ctx), request.userId(), request.mode()).map(Participant::toJson);
    });
    router.get("/api/meetings/:id/participants").respond(ctx -> meetings.participants(Actors.of(ctx), id(ctx))
        .map(list -> items(list.stream().map(Participant::toJson).toList())));
    router.get("/api/meetings/:id/attendance.csv").handler(ctx -> meetings.attendanceCsv(Actors.of(ctx), id(ctx))
        .onSuccess(csv -> ctx.response()
            .putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"attendance.csv\"")
            .end(csv))
        .onFailure(ctx::fail));

    mountAgenda(router);
    mountQueue(router);
  }

  private void mountAgenda(Router router) {
    router.get("/api/meetings/:id/agenda").respond(ctx -> agendas.current(Actors.of(ctx), id(ctx))
        .map(snapshot -> snapshot.state().agenda().toJson().put("roomHead", snapshot.roomHead())
            .put("current", CurrentItem.toJson(snapshot.state().current()))));
    router.put("/api/meetings/:id/agenda/current").respond(ctx -> {
      JsonInput in = JsonInput.from(ctx);
      if (!in.has("itemId")) {
        in.fail("itemId", "is required: the id of the item under discussion, or null for none");
      }
      String itemId = in.optionalMatching("itemId", AgendaItem.ITEM_ID, "must be the id of an agenda item");
      in.done();
      return agendas.markCurrent(Actors.of(ctx), id(ctx), itemId)
          .map(current -> new JsonObject().put("current", CurrentItem.toJson(current)));
    });
    router.put("/api/meetings/:id/agenda").respond(ctx -> agendas
        .replace(Actors.of(ctx), id(ctx), AgendaEdit.from(JsonInput.from(ctx))).map(Agenda::toJson));
    router.post("/api/meetings/:id/agenda/moves").respond(ctx -> agendas
        .move(Actors.of(ctx), id(ctx), AgendaEdit.Move.from(JsonInput.from(ctx))).map(Agenda::toJson));
    router.post("/api/meetings/:id/agenda/approval").respond(ctx -> agendas
        .approve(Actors.of(ctx), id(ctx), AgendaEdit.versionOnly(JsonInput.from(ctx))).map(Agenda::toJson));
    router.get("/api/meetings/:id/agenda/history").respond(ctx -> agendas.history(Actors.of(ctx), id(ctx))
        .map(MeetingRoutes::items));
    router.get("/api/meetings/:id/agenda.docx").handler(ctx -> {
      String lang = Languages.asked(ctx);
      agendas.docx(Actors.of(ctx), id(ctx), lang)
          .onSuccess(export -> ctx.response()
              .putHeader("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
              .putHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
              .putHeader("Content-Language", lang)
              .end(io.vertx.core.buffer.Buffer.buffer(export.bytes())))
          .onFailure(ctx::fail);
    });
    router.get("/api/meetings/:id/agenda.html").handler(ctx -> {
      String lang = Languages.asked(ctx);
      agendas.printable(Actors.of(ctx), id(ctx), lang)
          .onSuccess(html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
              .putHeader("Content-Language", lang).end(html))
          .onFailure(ctx::fail);
    });
  }

  private void mountQueue(Router router) {
    router.get("/api/meetings/:id/queue").respond(ctx -> queue.queue(Actors.of(ctx), id(ctx))
        .map(snapshot -> snapshot.state().toJson().put("roomHead", snapshot.roomHead())));
    router.post("/api/meetings/:id/queue").respond(ctx -> {
      QueueRequest request = QueueRequest.from(JsonInput.from(ctx));
      return (request.name() == null
          ? queue.requestFloor(Actors.of(ctx), id(ctx), request.mode())
          : queue.addSpeaker(Actors.of(ctx), id(ctx), request.name(), request.country(), request.mode()))
          .map(QueueState::toJson);
    });
    router.post("/api/meetings/:id/queue/:entryId/grant").respond(ctx -> queue
        .grant(Actors.of(ctx), id(ctx), ctx.pathParam("entryId")).map(QueueState::toJson));
    router.delete("/api/meetings/:id/queue/:entryId").respond(ctx -> queue
        .remove(Actors.of(ctx), id(ctx), ctx.pathParam("entryId")).map(QueueState::toJson));
    router.put("/api/meetings/:id/queue/order").respond(ctx -> {
      JsonInput in = JsonInput.from(ctx);
      List<String> entryIds = in.stringList("entryIds", 500, 24);
      in.done();
      return queue.reorder(Actors.of(ctx), id(ctx), entryIds).map(QueueState::toJson);
    });
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  private static JsonObject items(List<JsonObject> list) {
    return new JsonObject().put("items", new JsonArray(list));
  }
}
