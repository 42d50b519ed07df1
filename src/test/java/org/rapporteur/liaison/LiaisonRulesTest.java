package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who may do what, and bad input: refused with problem+json, and nothing stored changes. */
class LiaisonRulesTest extends LiaisonServerTest {
  static final String UNKNOWN = "0123456789abcdef01234567";

  Instant deadline;

  @BeforeEach
  void start() {
    deadline = Instant.now().plus(Duration.ofDays(30));
  }

  /** Everything stored about the two groups' liaison work (boxes, audit log, notifications), to compare before and after. */
  String snapshot() {
    StringBuilder all = new StringBuilder();
    all.append(ok(f.admin.get("/api/audit?limit=500"), 200).encode());
    all.append(ok(f.sg1Chair.get("/api/notifications"), 200).encode());
    for (String group : new String[] {f.sg3, f.sg1}) {
      for (String box : new String[] {"inbox", "outbox"}) {
        JsonObject list = ok(f.admin.get("/api/groups/" + group + "/liaisons?box=" + box), 200);
        list.getJsonArray("items").forEach(o -> ((JsonObject) o).remove("overdue"));
        all.append(list.encode());
      }
    }
    return all.toString();
  }

  @Test
  @DisplayName("Only the sending group's rapporteurs and chairs draft, and only its chairs approve and send")
  void rights() {
    assertProblem(f.sg3Member.post("/api/liaisons", f.roamingDraft(deadline)), 403);
    assertProblem(f.sg1Rapporteur.post("/api/liaisons", f.roamingDraft(deadline)), 403);
    assertProblem(server.client().post("/api/liaisons", f.roamingDraft(deadline)), 401);
    String id = ok(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline)), 201).getString("id");
    String before = snapshot();

    assertProblem(f.sg3Rapporteur.post("/api/liaisons/" + id + "/approve", new JsonObject()), 403);
    assertProblem(f.sg1Chair.post("/api/liaisons/" + id + "/approve", new JsonObject()), 403);
    assertProblem(f.sg3Chair.post("/api/liaisons/" + id + "/send", new JsonObject()), 409);
    assertProblem(f.sg3Member.patch("/api/liaisons/" + id, new JsonObject().put("title", "Hijacked")), 403);
    assertThat(snapshot()).isEqualTo(before);

    ok(f.sg3Chair.post("/api/liaisons/" + id + "/approve", new JsonObject()), 200);
    before = snapshot();
    assertProblem(f.sg3Rapporteur.post("/api/liaisons/" + id + "/send", new JsonObject()), 403);
    assertProblem(f.sg3Member.post("/api/liaisons/" + id + "/send", new JsonObject()), 403);
    assertProblem(f.outsider.post("/api/liaisons/" + id + "/send", new JsonObject()), 403);
    assertThat(snapshot()).isEqualTo(before);

    ok(f.sg3Chair.post("/api/liaisons/" + id + "/send", new JsonObject()), 200);
    before = snapshot();
    assertProblem(f.sg3Chair.post("/api/liaisons/" + id + "/send", new JsonObject()), 409);
    assertProblem(f.sg3Rapporteur.post("/api/liaisons/" + id + "/take-up", new JsonObject()), 403);
    assertProblem(f.outsider.post("/api/liaisons/" + id + "/reply", new JsonObject()), 403);
    assertFieldProblem(f.sg1Rapporteur.post("/api/liaisons/" + id + "/reply", new JsonObject().put("groupId", f.sg3)),
        422, "groupId");
    assertProblem(f.sg3Chair.patch("/api/liaisons/" + id, new JsonObject().put("title", "Changed after sending")), 409);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @DisplayName("Unknown groups, past deadlines, unknown Questions and malformed fields are refused, naming the field")
  void badInput() {
    String before = snapshot();
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("to", new JsonArray().add(f.sg1).add(UNKNOWN))), 422, "to");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("cc", new JsonArray().add(UNKNOWN))), 422, "cc");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("to", new JsonArray().add(f.sg3))), 422, "to");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(Instant.now().minus(Duration.ofDays(1)))), 400, "deadline");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).putNull("deadline")), 400, "deadline");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("deadline", "next Tuesday")), 400, "deadline");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("questions", new JsonArray().add("Q9/2"))), 422, "questions");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("purpose", "for-fun")), 400, "purpose");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("to", new JsonArray().add("$where"))), 400, "to[0]");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline).put("contacts",
        new JsonArray().add(new JsonObject().put("name", "X").put("email", "not-an-address")))), 400, "contacts[0].email");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("attachments", new JsonArray().add("report.pdf"))), 400, "attachments[0]");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("attachments", new JsonArray().add(UNKNOWN))), 422, "attachments[0]");
    String otherGroupsDocument = org.rapporteur.support.Contributions.uploadOk(f.admin, f.sg1, "costs.txt",
        "Cost models for roaming".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Cost models").getString("id");
    before = snapshot();
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("attachments", new JsonArray().add(otherGroupsDocument))), 422, "attachments[0]");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline).put("links",
        new JsonArray().add(new JsonObject().put("type", "related-to").put("liaisonId", UNKNOWN)))), 422, "links");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("fromGroupId", UNKNOWN)), 422, "fromGroupId");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline).put("colour", "red")), 400,
        "colour");
    assertThat(snapshot()).isEqualTo(before);

    String ownDocument = org.rapporteur.support.Contributions.uploadOk(f.admin, f.sg3, "roaming.txt",
        "Roaming costs in Africa".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Roaming costs").getString("id");
    JsonObject withAttachment = ok(f.sg3Rapporteur.post("/api/liaisons",
        f.roamingDraft(deadline).put("attachments", new JsonArray().add(ownDocument))), 201);
    assertThat(withAttachment.getJsonArray("attachments")).containsExactly(ownDocument);

    String id = ok(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline)), 201).getString("id");
    before = snapshot();
    assertFieldProblem(f.sg3Rapporteur.patch("/api/liaisons/" + id,
        new JsonObject().put("deadline", "2001-01-01")), 400, "deadline");
    assertFieldProblem(f.sg3Rapporteur.patch("/api/liaisons/" + id,
        new JsonObject().put("to", new JsonArray().add(UNKNOWN))), 422, "to");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @DisplayName("A statement cannot answer itself, nor its own reply")
  void repliesCannotCloseALoop() {
    String id = f.sendFromSg3(f.roamingDraft(deadline)).getString("id");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons/" + id + "/links",
        new JsonObject().put("type", "in-response-to").put("liaisonId", id)), 422, "links");
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons/" + id + "/links",
        new JsonObject().put("type", "related-to").put("liaisonId", id)), 422, "links");

    String replyId = ok(f.sg1Rapporteur.post("/api/liaisons/" + id + "/reply", new JsonObject()), 201).getString("id");
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/approve", new JsonObject()), 200);
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/send", new JsonObject()), 200);
    String before = snapshot();
    assertFieldProblem(f.sg3Rapporteur.post("/api/liaisons/" + id + "/links",
        new JsonObject().put("type", "in-response-to").put("liaisonId", replyId)), 422, "links");

    String draft = ok(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline)), 201).getString("id");
    before = snapshot();
    assertFieldProblem(f.sg3Rapporteur.patch("/api/liaisons/" + draft, new JsonObject().put("links",
        new JsonArray().add(new JsonObject().put("type", "in-response-to").put("liaisonId", draft)))), 422, "links");
    assertThat(snapshot()).isEqualTo(before);

    JsonObject related = ok(f.sg3Rapporteur.post("/api/liaisons/" + id + "/links",
        new JsonObject().put("type", "related-to").put("liaisonId", replyId)), 200);
    assertThat(related.getJsonArray("links")).hasSize(1);
  }
}
