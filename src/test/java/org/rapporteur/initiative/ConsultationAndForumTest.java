package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.initiative.InitiativeFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapporteur.support.ApiClient;

/** Consultations of the Member States and the regional development forum's agenda. */
@ExtendWith(VertxExtension.class)
class ConsultationAndForumTest extends InitiativeServerTest {
  String open(Instant deadline) {
    return ok(fx.secretariat.post("/api/initiatives/" + fx.afr1 + "/consultations", new JsonObject()
        .put("question", "What should AFR1 do first?")
        .put("topics", new JsonArray().add("rural broadband").add("digital skills").add("cybersecurity"))
        .put("deadline", deadline.toString())), 201).getString("id");
  }

  ApiClient secondDelegate() {
    ApiClient other = server.client();
    other.registerAndSignIn("kofi@nca.example", "Kofi Boateng");
    ok(fx.admin.post("/api/groups/" + fx.afrGroup + "/members", new JsonObject().put("email", "kofi@nca.example")
        .put("role", "rapporteur")), 201);
    return other;
  }

  @Test
  void delegatesAnswerOnceEachAndTheSecretariatSeesTheAggregate() {
    String id = open(Instant.now().plus(30, ChronoUnit.DAYS));
    String answers = "/api/consultations/" + id + "/answers";
    JsonObject garbage = new JsonObject().put("nonsense", 1);
    assertProblem(fx.anonymous.post(answers, garbage), 401);
    assertProblem(fx.outsider.post(answers, garbage), 403);
    assertFieldProblem(fx.delegate.post(answers, new JsonObject().put("priorities", new JsonArray().add("space"))),
        400, "priorities[0]");
    assertFieldProblem(fx.delegate.post(answers, new JsonObject().put("priorities", new JsonArray().add("digital skills"))
        .put("partnerIds", new JsonArray().add("0123456789abcdef01234567"))), 400, "partnerIds[0]");
    ok(fx.delegate.post(answers, new JsonObject().put("priorities", new JsonArray().add("digital skills"))
        .put("financing", new JsonArray().add("national-budget"))), 200);
    // a second answer from the same person replaces the first
    ok(fx.delegate.post(answers, new JsonObject()
        .put("priorities", new JsonArray().add("rural broadband").add("cybersecurity"))
        .put("partnerIds", new JsonArray().add(fx.atu))
        .put("financing", new JsonArray().add("universal-service-fund").add("development-partner"))), 200);
    ok(secondDelegate().post(answers, new JsonObject()
        .put("priorities", new JsonArray().add("rural broadband").add("digital skills").add("cybersecurity"))
        .put("financing", new JsonArray().add("universal-service-fund"))), 200);

    JsonObject view = ok(fx.secretariat.get("/api/consultations/" + id), 200);
    JsonObject aggregate = view.getJsonObject("aggregate");
    assertThat(aggregate.getInteger("answers")).isEqualTo(2);
    JsonObject top = aggregate.getJsonArray("priorities").getJsonObject(0);
    assertThat(top.getString("topic")).isEqualTo("rural broadband");
    assertThat(top.getInteger("score")).isEqualTo(6);
    assertThat(top.getInteger("firstChoices")).isEqualTo(2);
    assertThat(aggregate.getJsonArray("financing").getJsonObject(0))
        .isEqualTo(new JsonObject().put("means", "universal-service-fund").put("count", 2));
    assertThat(aggregate.getJsonArray("partners").getJsonObject(0).getString("partnerId")).isEqualTo(fx.atu);

    JsonObject mine = ok(fx.delegate.get("/api/consultations/" + id), 200);
    assertThat(mine.containsKey("aggregate")).isFalse();
    assertThat(mine.getJsonObject("myAnswer").getJsonArray("priorities")).containsExactly("rural broadband",
        "cybersecurity");
    assertProblem(fx.anonymous.get("/api/consultations/" + id), 401);
  }

  @Test
  void noAnswerIsTakenAfterTheDeadline() throws InterruptedException {
    String id = open(Instant.now().plusSeconds(2));
    Thread.sleep(2500);
    assertProblem(fx.delegate.post("/api/consultations/" + id + "/answers", new JsonObject()
        .put("priorities", new JsonArray().add("digital skills"))), 409);
    assertThat(ok(fx.secretariat.get("/api/consultations/" + id), 200).getJsonObject("aggregate")
        .getInteger("answers")).isZero();
  }

  @Test
  void aDeadlineInThePastIsRefused() {
    assertFieldProblem(fx.secretariat.post("/api/initiatives/" + fx.afr1 + "/consultations", new JsonObject()
        .put("question", "Q").put("topics", new JsonArray().add("a").add("b"))
        .put("deadline", "2020-01-01T00:00:00Z")), 400, "deadline");
  }

  String meeting(String groupId) {
    return ok(fx.admin.post("/api/groups/" + groupId + "/meetings", new JsonObject()
        .put("title", "Regional development forum for Africa 2026").put("kind", "hybrid")
        .put("start", "2026-12-01T09:30").put("end", "2026-12-03T17:00").put("timeZone", "Africa/Dakar")
        .put("venue", "Dakar").put("remoteInstructions", "Join from the meeting page")
        .put("contributionDeadline", "2026-11-20T23:59")), 201).getString("id");
  }

  @Test
  void theForumPutsOneItemPerInitiativeOnTheRegionsMeetingOnce() {
    String meetingId = meeting(fx.afrGroup);
    fx.createProject(fx.project("9RAF50001-01"));
    ok(fx.secretariat.post("/api/initiatives", InitiativeFixture.initiative("AFR", "AFR2", "Rural connectivity")), 201);
    JsonObject forum = new JsonObject().put("region", "AFR").put("meetingId", meetingId);
    assertProblem(fx.delegate.post("/api/initiatives/forum", forum), 403);
    JsonObject done = ok(fx.secretariat.post("/api/initiatives/forum", forum), 200);
    assertThat(done.getJsonArray("items")).hasSize(2);

    JsonObject agenda = ok(fx.admin.get("/api/meetings/" + meetingId + "/agenda"), 200);
    JsonArray items = agenda.getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getString("title")).startsWith("AFR1 ");
    assertThat(items.getJsonObject(0).getString("notes")).contains("9RAF50001-01").contains("implementation")
        .contains("0/1").contains("cash EUR 50,000");
    assertThat(items.getJsonObject(1).getString("title")).startsWith("AFR2 ");

    ok(fx.secretariat.post("/api/initiatives/forum", forum), 200);
    assertThat(ok(fx.admin.get("/api/meetings/" + meetingId + "/agenda"), 200).getJsonArray("items")).hasSize(2);
    var audit = ok(fx.admin.get("/api/audit?subject=" + meetingId), 200).getJsonArray("items").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
    assertThat(audit).contains("initiative.forum");
  }

  @Test
  void theForumRefusesAMeetingOfAnotherRegion() {
    String arabGroup = ok(fx.admin.post("/api/groups", new JsonObject().put("code", "SG3RG-ARB").put("sector", "ITU-T")
        .put("region", "ARB").put("kind", "regional-group").put("title", "SG3 Arab States")
        .put("visibility", "public")), 201).getString("id");
    String meetingId = meeting(arabGroup);
    assertFieldProblem(fx.secretariat.post("/api/initiatives/forum", new JsonObject().put("region", "AFR")
        .put("meetingId", meetingId)), 400, "meetingId");
    assertThat(ok(fx.admin.get("/api/meetings/" + meetingId + "/agenda"), 200).getJsonArray("items")).isEmpty();
  }
}
