package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An item proposed from an incoming statement carries the statement as data, not as English words. */
class LiaisonAgendaOriginTest extends LiaisonServerTest {
  String agenda;

  @BeforeEach
  void start() {
    String meetingId = ok(f.sg1Chair.post("/api/groups/" + f.sg1 + "/meetings", new JsonObject()
        .put("title", "ITU-D SG1 meeting").put("kind", "virtual").put("start", "2099-03-02T09:00")
        .put("end", "2099-03-03T17:00").put("timeZone", "Africa/Dakar").put("remoteInstructions", "Join from the meeting page")),
        201).getString("id");
    agenda = "/api/meetings/" + meetingId + "/agenda";
  }

  @Test
  @DisplayName("A proposed item is titled as the statement and carries its origin: kind, id, number, sender, reply due")
  void proposedItemCarriesTheStatementAsOrigin() {
    Instant due = Instant.parse("2099-02-15T23:59:59Z");
    JsonObject sent = f.sendFromSg3(f.roamingDraft(due));

    JsonObject item = proposed();
    assertThat(item.getString("title")).isEqualTo("Costing methods for international mobile roaming in Africa");
    assertThat(item.getString("notes")).isNull();
    JsonObject origin = item.getJsonObject("origin");
    assertThat(origin.getString("kind")).isEqualTo("liaison");
    assertThat(origin.getString("liaisonId")).isEqualTo(sent.getString("id"));
    assertThat(origin.getString("number")).isEqualTo("LS/SG3RG-AFR/1");
    assertThat(origin.getString("from")).contains("SG3RG-AFR");
    assertThat(origin.getString("replyDue")).isEqualTo(due.toString());
  }

  @Test
  @DisplayName("A chair's edit keeps the stored origin of a proposed item, and cannot forge one on another item")
  void chairEditKeepsTheOriginAndCannotForgeOne() {
    JsonObject sent = f.sendFromSg3(f.roamingDraft(Instant.parse("2099-02-15T23:59:59Z")));
    JsonObject current = ok(f.sg1Chair.get(agenda), 200);
    JsonArray items = current.getJsonArray("items");
    items.getJsonObject(items.size() - 1).put("title", "Roaming costs (reply to SG3RG-AFR)")
        .put("origin", new JsonObject().put("kind", "liaison").put("liaisonId", "forged"));
    items.add(new JsonObject().put("title", "Any other business")
        .put("origin", new JsonObject().put("kind", "liaison").put("number", "LS/FAKE/1")));
    ok(f.sg1Chair.put(agenda, new JsonObject().put("version", current.getLong("version")).put("items", items)), 200);

    JsonArray saved = ok(f.sg1Chair.get(agenda), 200).getJsonArray("items");
    JsonObject kept = saved.getJsonObject(saved.size() - 2);
    assertThat(kept.getString("title")).isEqualTo("Roaming costs (reply to SG3RG-AFR)");
    assertThat(kept.getJsonObject("origin").getString("liaisonId")).isEqualTo(sent.getString("id"));
    assertThat(saved.getJsonObject(saved.size() - 1).getValue("origin")).isNull();
  }

  private JsonObject proposed() {
    JsonArray items = ok(f.sg1Chair.get(agenda), 200).getJsonArray("items");
    assertThat(items).isNotEmpty();
    return items.getJsonObject(items.size() - 1);
  }
}
