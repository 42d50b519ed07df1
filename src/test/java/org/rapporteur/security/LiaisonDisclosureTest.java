package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;

/**
 * A liaison statement never reveals a restricted group's details to someone who may not read that
 * group: a public group's statement to a restricted one shows the addressee's code, not its inbox
 * state nor the meeting its agenda item is proposed for.
 */
class LiaisonDisclosureTest extends SharedServerTest {
  private static final String MEETING_START = "2027-03-01";

  ApiClient admin;
  ApiClient outsider;
  ApiClient restrictedMember;
  String publicGroup;
  String restrictedGroup;
  String restrictedMeeting;
  String liaisonId;

  @BeforeAll
  void start() {
    admin = server.admin();
    outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Out Sider");
    restrictedMember = server.client();
    restrictedMember.registerAndSignIn("insider@example.org", "In Sider");
    publicGroup = Contributions.group(admin, "SG3RG-PUB", "public");
    restrictedGroup = Contributions.group(admin, "SG1-SECRET", "restricted", "insider@example.org");
    restrictedMeeting = ok(admin.post("/api/groups/" + restrictedGroup + "/meetings", new JsonObject()
        .put("title", "Closed meeting").put("kind", "virtual").put("start", MEETING_START + "T09:30")
        .put("end", "2027-03-02T17:00").put("timeZone", "Africa/Dakar")
        .put("remoteInstructions", "Join from the meeting page").put("contributionDeadline", "2027-02-20T23:59")), 201)
        .getString("id");
    String draft = ok(admin.post("/api/liaisons", new JsonObject()
        .put("fromGroupId", publicGroup).put("to", new JsonArray().add(restrictedGroup))
        .put("title", "Roaming cost models").put("purpose", "for-action")
        .put("deadline", "2027-06-01T00:00:00Z").put("body", "Please share your cost models.")), 201).getString("id");
    ok(admin.post("/api/liaisons/" + draft + "/approve", new JsonObject()), 200);
    JsonObject sent = ok(admin.post("/api/liaisons/" + draft + "/send", new JsonObject()), 200);
    liaisonId = sent.getString("id");
  }

  @Test
  void theRestrictedAddresseesNextMeetingIsShownToItsMembers() {
    JsonObject delivery = restrictedMember.get("/api/liaisons/" + liaisonId).bodyAsJsonObject()
        .getJsonObject("statement").getJsonArray("deliveries").getJsonObject(0);
    assertThat(delivery.getJsonObject("agenda").getString("meetingId")).isEqualTo(restrictedMeeting);
    assertThat(delivery.getString("state")).isEqualTo("received");
  }

  @Test
  void aStatementShowsOnlyTheCodeOfARestrictedAddresseeToAnonymousAndOutsiders() {
    for (ApiClient reader : List.of(server.client(), outsider)) {
      HttpResponse<Buffer> one = reader.get("/api/liaisons/" + liaisonId);
      assertThat(one.statusCode()).isEqualTo(200);
      assertWithheld(one.bodyAsJsonObject().getJsonObject("statement"));
      assertNoMeetingIn(one);
    }
  }

  @Test
  void listsOfStatementsWithholdTheRestrictedAddresseesDetailsToo() {
    for (ApiClient reader : List.of(server.client(), outsider)) {
      for (String path : List.of("/api/liaisons", "/api/groups/" + publicGroup + "/liaisons?box=outbox")) {
        HttpResponse<Buffer> list = reader.get(path);
        assertThat(list.statusCode()).as(path).isEqualTo(200);
        JsonObject statement = list.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
            .filter(l -> l.getString("id").equals(liaisonId)).findFirst().orElseThrow();
        assertWithheld(statement);
        assertNoMeetingIn(list);
      }
    }
  }

  private void assertWithheld(JsonObject statement) {
    JsonObject delivery = statement.getJsonArray("deliveries").getJsonObject(0);
    assertThat(delivery.getJsonObject("group").getString("code")).isEqualTo("SG1-SECRET");
    assertThat(delivery.getValue("agenda")).isNull();
    assertThat(delivery.getValue("state")).isNull();
    assertThat(delivery.getBoolean("withheld")).isTrue();
  }

  private void assertNoMeetingIn(HttpResponse<Buffer> response) {
    assertThat(response.bodyAsString()).doesNotContain(restrictedMeeting).doesNotContain(MEETING_START);
  }

  private static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }
}
