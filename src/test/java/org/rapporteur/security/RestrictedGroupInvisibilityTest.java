package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;

/**
 * A restricted group is indistinguishable from a missing one for those who may not read it: every
 * GET route under the group, its meetings, contributions, liaison statements and rooms answers an
 * anonymous visitor and a signed-in outsider exactly what it answers for an id that does not exist.
 */
class RestrictedGroupInvisibilityTest extends SharedServerTest {
  private static final String MISSING_GROUP = "0123456789abcdef01234567";
  private static final String MISSING_MEETING = "0123456789abcdef01234568";
  private static final String MISSING_CONTRIBUTION = "0123456789abcdef01234569";
  private static final String MISSING_LIAISON = "0123456789abcdef0123456a";

  /** Every GET route that names a group's resource, with the placeholders the walk fills in. */
  private static final Map<String, String> ROUTES = routes();

  ApiClient member;
  ApiClient outsider;
  Map<String, String> restricted;
  Map<String, String> missing;

  @BeforeAll
  void start() {
    ApiClient admin = server.admin();
    member = server.client();
    member.registerAndSignIn("member@example.org", "Plain Member");
    outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Out Sider");
    String group = Contributions.group(admin, "SG2-HIDDEN", "restricted", "member@example.org");
    String other = Contributions.group(admin, "SG5-HIDDEN", "restricted");
    String meeting = ok(admin.post("/api/groups/" + group + "/meetings", new JsonObject()
        .put("title", "Closed meeting").put("kind", "virtual").put("start", "2027-03-01T09:30")
        .put("end", "2027-03-02T17:00").put("timeZone", "Africa/Dakar")
        .put("remoteInstructions", "Join from the meeting page").put("contributionDeadline", "2027-02-20T23:59")), 201)
        .getString("id");
    String contribution = Contributions.uploadOk(member, group, "hidden.txt",
        "hidden words".getBytes(StandardCharsets.UTF_8), "Hidden").getString("id");
    String liaison = ok(admin.post("/api/liaisons", new JsonObject().put("fromGroupId", group)
        .put("to", new JsonArray().add(other)).put("title", "Between closed groups").put("purpose", "for-information")
        .put("body", "Nothing for outsiders.")), 201).getString("id");
    ok(admin.post("/api/liaisons/" + liaison + "/approve", new JsonObject()), 200);
    ok(admin.post("/api/liaisons/" + liaison + "/send", new JsonObject()), 200);
    restricted = Map.of("group", group, "meeting", meeting, "contribution", contribution, "liaison", liaison);
    missing = Map.of("group", MISSING_GROUP, "meeting", MISSING_MEETING, "contribution", MISSING_CONTRIBUTION,
        "liaison", MISSING_LIAISON);
  }

  @Test
  void everyGetRouteUnderARestrictedGroupAnswersAsForAMissingOne() {
    for (ApiClient reader : List.of(server.client(), outsider)) {
      String who = reader == outsider ? "outsider" : "anonymous";
      for (String template : ROUTES.values()) {
        HttpResponse<Buffer> hidden = reader.get(fill(template, restricted));
        HttpResponse<Buffer> absent = reader.get(fill(template, missing));
        String what = who + " GET " + template + ": " + hidden.bodyAsString();
        assertThat(hidden.statusCode()).as(what).isEqualTo(absent.statusCode());
        assertThat(hidden.statusCode()).as(what).isEqualTo(
            reader == outsider || absent.statusCode() != 401 ? 404 : 401);
        assertThat(hidden.getHeader("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(anonymized(hidden.bodyAsString(), restricted)).as(what)
            .isEqualTo(anonymized(absent.bodyAsString(), missing));
      }
    }
  }

  @Test
  void theWalkCoversEveryGetRouteThatNamesAGroupsResource() {
    Set<String> mounted = new TreeSet<>();
    for (Route route : server.app().router().getRoutes()) {
      String path = route.getPath();
      if (path != null && route.methods() != null && route.methods().contains(HttpMethod.GET)
          && path.matches("/api/(groups|meetings|contributions|liaisons|rooms)/:.*")) {
        mounted.add(path);
      }
    }
    assertThat(ROUTES.keySet()).containsAll(mounted);
  }

  @Test
  void outsidersWritingToARestrictedGroupGetNotFoundAndLowRolesStillGetForbidden() {
    JsonObject question = new JsonObject().put("number", "Q9/2").put("title", "A Question");
    HttpResponse<Buffer> hidden = outsider.post("/api/groups/" + restricted.get("group") + "/questions", question);
    HttpResponse<Buffer> absent = outsider.post("/api/groups/" + MISSING_GROUP + "/questions", question);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(anonymized(hidden.bodyAsString(), restricted)).isEqualTo(anonymized(absent.bodyAsString(), missing));
    assertThat(member.post("/api/groups/" + restricted.get("group") + "/questions", question).statusCode())
        .as("a member who does not manage the group").isEqualTo(403);

    HttpResponse<Buffer> hiddenAsk = outsider.post("/api/groups/" + restricted.get("group") + "/join-requests",
        new JsonObject());
    HttpResponse<Buffer> absentAsk = outsider.post("/api/groups/" + MISSING_GROUP + "/join-requests", new JsonObject());
    assertThat(hiddenAsk.statusCode()).as("asking to join a group one cannot see").isEqualTo(404);
    assertThat(anonymized(hiddenAsk.bodyAsString(), restricted)).isEqualTo(anonymized(absentAsk.bodyAsString(), missing));
  }

  private static Map<String, String> routes() {
    Map<String, String> routes = new LinkedHashMap<>();
    for (String tail : List.of("", "/questions", "/members", "/meetings", "/contributions", "/liaisons",
        "/liaisons/overdue", "/join-requests", "/join-requests/mine")) {
      routes.put("/api/groups/:id" + tail, "/api/groups/{group}" + tail);
    }
    for (String tail : List.of("", "/participants", "/attendance.csv", "/agenda", "/agenda/history", "/agenda.docx",
        "/agenda.html", "/queue", "/calendar.ics",
        "/register", "/register.csv", "/register.zip")) {
      routes.put("/api/meetings/:id" + tail, "/api/meetings/{meeting}" + tail);
    }
    for (String tail : List.of("", "/file", "/text", "/diff")) {
      routes.put("/api/contributions/:id" + tail, "/api/contributions/{contribution}" + tail);
    }
    routes.put("/api/liaisons/:id", "/api/liaisons/{liaison}");
    routes.put("/api/liaisons/:id/radar", "/api/liaisons/{liaison}/radar");
    for (String tail : List.of("/events", "/transcript.csv", "/search?q=words", "/presence", "/mutes")) {
      String path = "/api/rooms/:room" + tail.replaceAll("\\?.*", "");
      routes.put(path, "/api/rooms/group:{group}" + tail);
      routes.put(path + " (meeting)", "/api/rooms/meeting:{meeting}" + tail);
    }
    return routes;
  }

  private static String fill(String template, Map<String, String> ids) {
    String path = template;
    for (var id : ids.entrySet()) {
      path = path.replace("{" + id.getKey() + "}", id.getValue());
    }
    return path;
  }

  /**
   * The body with the ids in it replaced by their kind, and without the request's own id, so two
   * answers can be compared.
   */
  private static String anonymized(String body, Map<String, String> ids) {
    String text = body.replaceAll("\"instance\":\"urn:request:[^\"]*\",?", "");
    for (var id : ids.entrySet()) {
      text = text.replace(id.getValue(), "<" + id.getKey() + ">");
    }
    return text;
  }

  private static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }
}
