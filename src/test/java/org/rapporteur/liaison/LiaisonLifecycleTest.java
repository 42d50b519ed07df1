package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiaisonLifecycleTest extends LiaisonServerTest {
  static List<String> ids(JsonObject list) {
    return list.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("An ITU-T regional group's statement reaches an ITU-D study group, is answered, and reads as one thread")
  void crossSectorLifecycle() {
    JsonObject draft = ok(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(Instant.now().plus(Duration.ofDays(30)))),
        201);
    String id = draft.getString("id");
    assertThat(draft.getString("state")).isEqualTo("draft");
    assertThat(draft.getString("number")).isNull();
    assertThat(draft.getJsonObject("from").getString("sector")).isEqualTo("ITU-T");
    assertThat(draft.getJsonArray("to").getJsonObject(0).getString("sector")).isEqualTo("ITU-D");

    assertThat(ok(f.sg3Chair.post("/api/liaisons/" + id + "/approve", new JsonObject()), 200).getString("state"))
        .isEqualTo("approved");
    JsonObject sent = ok(f.sg3Chair.post("/api/liaisons/" + id + "/send", new JsonObject()), 200);
    assertThat(sent.getString("state")).isEqualTo("sent");
    assertThat(sent.getString("number")).isEqualTo("LS/SG3RG-AFR/1");
    assertThat(sent.getJsonArray("deliveries").getJsonObject(0).getString("state")).isEqualTo("received");

    JsonObject inbox = ok(f.sg1Rapporteur.get("/api/groups/" + f.sg1 + "/liaisons?box=inbox"), 200);
    assertThat(ids(inbox)).containsExactly(id);
    assertThat(inbox.getJsonArray("items").getJsonObject(0).getString("boxState")).isEqualTo("received");
    assertThat(ids(ok(f.sg3Member.get("/api/groups/" + f.sg3 + "/liaisons?box=outbox"), 200))).containsExactly(id);
    assertThat(ids(ok(f.sg3Member.get("/api/groups/" + f.sg3 + "/liaisons?box=inbox"), 200))).isEmpty();

    JsonObject notes = ok(f.sg1Chair.get("/api/notifications"), 200);
    assertThat(notes.getJsonArray("items")).hasSize(1);
    assertThat(notes.getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("liaison.received");
    assertThat(notes.getJsonArray("items").getJsonObject(0).getString("liaisonId")).isEqualTo(id);
    assertThat(ok(f.sg3Member.get("/api/notifications"), 200).getJsonArray("items")).isEmpty();

    JsonObject view = ok(f.sg1Rapporteur.get("/api/liaisons/" + id), 200);
    assertThat(view.getJsonObject("can").getJsonArray("replyGroups").getJsonObject(0).getString("groupId"))
        .isEqualTo(f.sg1);
    JsonObject takenUp = ok(f.sg1Rapporteur.post("/api/liaisons/" + id + "/take-up", new JsonObject()), 200);
    assertThat(takenUp.getJsonArray("deliveries").getJsonObject(0).getString("state")).isEqualTo("in-progress");

    JsonObject reply = ok(f.sg1Rapporteur.post("/api/liaisons/" + id + "/reply",
        new JsonObject().put("groupId", f.sg1)), 201);
    String replyId = reply.getString("id");
    assertThat(reply.getString("state")).isEqualTo("draft");
    assertThat(reply.getString("purpose")).isEqualTo("in-response");
    assertThat(reply.getJsonObject("from").getString("groupId")).isEqualTo(f.sg1);
    assertThat(reply.getJsonArray("to").getJsonObject(0).getString("groupId")).isEqualTo(f.sg3);
    assertThat(reply.getJsonArray("questions")).containsExactly("Q4/1");
    assertThat(reply.getJsonArray("links").getJsonObject(0).getString("type")).isEqualTo("in-response-to");
    assertThat(reply.getJsonArray("links").getJsonObject(0).getString("liaisonId")).isEqualTo(id);
    assertThat(reply.getString("title")).startsWith("Reply to LS/SG3RG-AFR/1");

    ok(f.sg1Rapporteur.patch("/api/liaisons/" + replyId, new JsonObject()
        .put("body", "ITU-D SG1 Question 4/1 shares its cost models for wholesale roaming in the attached report.")), 200);
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/approve", new JsonObject()), 200);
    JsonObject replySent = ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/send", new JsonObject()), 200);
    assertThat(replySent.getString("number")).isEqualTo("LS/ITU-D-SG1/1");

    JsonObject original = ok(f.sg3Member.get("/api/liaisons/" + id), 200);
    assertThat(original.getJsonObject("statement").getString("state")).isEqualTo("replied");
    JsonObject delivery = original.getJsonObject("statement").getJsonArray("deliveries").getJsonObject(0);
    assertThat(delivery.getString("state")).isEqualTo("replied");
    assertThat(delivery.getString("replyId")).isEqualTo(replyId);
    assertThat(ids(new JsonObject().put("items", original.getJsonArray("thread")))).containsExactly(id, replyId);
    JsonObject fromReply = ok(f.outsider.get("/api/liaisons/" + replyId), 200);
    assertThat(ids(new JsonObject().put("items", fromReply.getJsonArray("thread")))).containsExactly(id, replyId);

    JsonObject sg3Inbox = ok(f.sg3Chair.get("/api/groups/" + f.sg3 + "/liaisons?box=inbox"), 200);
    assertThat(ids(sg3Inbox)).containsExactly(replyId);
    assertThat(ok(f.sg1Chair.get("/api/groups/" + f.sg1 + "/liaisons?box=inbox"), 200).getJsonArray("items")
        .getJsonObject(0).getString("boxState")).isEqualTo("replied");
    assertThat(ids(ok(f.outsider.get("/api/liaisons"), 200))).containsExactlyInAnyOrder(id, replyId);
  }

  @Test
  @DisplayName("Numbers follow the sending group's series and are never reused")
  void numbersFollowTheSeries() {
    Instant deadline = Instant.now().plus(Duration.ofDays(30));
    String first = f.sendFromSg3(f.roamingDraft(deadline)).getString("number");
    String discarded = ok(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(deadline)), 201).getString("id");
    ok(f.sg3Chair.post("/api/liaisons/" + discarded + "/close", new JsonObject()), 200);
    String second = f.sendFromSg3(f.roamingDraft(deadline)).getString("number");
    assertThat(List.of(first, second)).containsExactly("LS/SG3RG-AFR/1", "LS/SG3RG-AFR/2");
  }

  @Test
  @DisplayName("Drafts are seen by the sending group only; sent statements by whoever reads the groups")
  void draftsStayWithTheSendingGroup() {
    String id = ok(f.sg3Rapporteur.post("/api/liaisons", f.roamingDraft(Instant.now().plus(Duration.ofDays(9)))), 201)
        .getString("id");
    ok(f.sg3Member.get("/api/liaisons/" + id), 200);
    ok(f.sg1Chair.get("/api/liaisons/" + id), 404);
    ok(f.outsider.get("/api/liaisons/" + id), 404);
    assertThat(ok(f.outsider.get("/api/groups/" + f.sg3 + "/liaisons?box=outbox"), 200).getJsonArray("items")).isEmpty();
    assertThat(ok(f.sg1Chair.get("/api/groups/" + f.sg1 + "/liaisons?box=inbox"), 200).getJsonArray("items")).isEmpty();
  }

  @Test
  @DisplayName("The overdue list shows statements whose deadline passed without a reply")
  void overdueList() throws InterruptedException {
    Instant soon = Instant.now().plus(Duration.ofSeconds(5));
    String late = f.sendFromSg3(f.roamingDraft(soon)).getString("id");
    String answered = f.sendFromSg3(f.roamingDraft(soon)).getString("id");
    String replyId = ok(f.sg1Rapporteur.post("/api/liaisons/" + answered + "/reply", new JsonObject()), 201)
        .getString("id");
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/approve", new JsonObject()), 200);
    ok(f.sg1Chair.post("/api/liaisons/" + replyId + "/send", new JsonObject()), 200);
    String later = f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(5)))).getString("id");
    assertThat(ok(f.sg1Chair.get("/api/groups/" + f.sg1 + "/liaisons/overdue"), 200).getJsonArray("items")).isEmpty();

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), soon).toMillis() + 200));
    JsonObject overdue = ok(f.outsider.get("/api/groups/" + f.sg1 + "/liaisons/overdue"), 200);
    assertThat(ids(overdue)).containsExactly(late).doesNotContain(answered, later);
    assertThat(overdue.getJsonArray("items").getJsonObject(0).getBoolean("overdue")).isTrue();
    assertThat(ok(f.outsider.get("/api/groups/" + f.sg3 + "/liaisons/overdue"), 200).getJsonArray("items")).isEmpty();
  }

  @Test
  @DisplayName("A statement from an outside body is registered straight into the addressed group's inbox")
  void outsideBodyStatement() {
    JsonObject body = new JsonObject().put("fromBody", "GSMA").put("to", new JsonArray().add(f.sg1))
        .put("title", "Roaming cost data from operators").put("purpose", "for-information");
    ok(f.sg3Rapporteur.post("/api/liaisons", body), 403);
    JsonObject received = ok(f.sg1Rapporteur.post("/api/liaisons", body), 201);
    assertThat(received.getString("number")).isEqualTo("LS-IN/ITU-D-SG1/1");
    assertThat(received.getString("state")).isEqualTo("sent");
    assertThat(ids(ok(f.sg1Chair.get("/api/groups/" + f.sg1 + "/liaisons?box=inbox"), 200)))
        .containsExactly(received.getString("id"));
  }
}
