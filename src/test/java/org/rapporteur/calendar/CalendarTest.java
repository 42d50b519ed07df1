package org.rapporteur.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ServerTest;

/** Meetings and reply deadlines as iCalendar, read back strictly (see {@link Ics}). */
class CalendarTest extends ServerTest {
  static final String TITLE = "Roaming, OTT; and tariffs: الاجتماع الإقليمي للجنة الدراسات 3 لأفريقيا — a long title";

  ApiClient admin;
  String publicGroup;
  String closedGroup;
  ApiClient member;
  ApiClient outsider;
  String paris;
  String closed;

  @BeforeEach
  void start() {
    admin = server.admin();
    publicGroup = group("SG3RG-AFR", "public");
    closedGroup = group("SG2-CLOSED", "restricted");
    member = server.client();
    member.registerAndSignIn("aminata@artp.sn", "Aminata Diop");
    ok(admin.post("/api/groups/" + closedGroup + "/members", new JsonObject().put("email", "aminata@artp.sn")
        .put("role", "member")), 201);
    outsider = server.client();
    outsider.registerAndSignIn("claire@orange.fr", "Claire Dubois");
    // Over the night summer time starts in Paris (2027-03-28, 02:00 → 03:00).
    paris = meeting(publicGroup, TITLE, "2027-03-27T09:00", "2027-03-29T17:30", "Europe/Paris");
    closed = meeting(closedGroup, "Closed session", "2027-05-10T10:00", "2027-05-10T12:00", "Africa/Dakar");
  }

  String group(String code, String visibility) {
    return ok(admin.post("/api/groups", new JsonObject().put("code", code).put("sector", "ITU-T")
        .put("kind", "regional-group").put("title", code).put("mandate", "m").put("visibility", visibility)), 201)
        .getString("id");
  }

  String meeting(String groupId, String title, String start, String end, String zone) {
    return ok(admin.post("/api/groups/" + groupId + "/meetings", new JsonObject().put("title", title)
        .put("kind", "hybrid").put("start", start).put("end", end).put("timeZone", zone).put("venue", "Dakar, Senegal")
        .put("remoteInstructions", "Join from the meeting page")), 201).getString("id");
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  static Ics.Component calendar(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/calendar");
    return Ics.parse(response.bodyAsString());
  }

  @Test
  @DisplayName("A meeting's calendar places it in its own time zone across a daylight-saving change")
  void meetingCalendarInItsTimeZone() {
    JsonObject shown = ok(server.client().get("/api/meetings/" + paris), 200);
    Ics.Component ics = calendar(server.client().get("/api/meetings/" + paris + "/calendar.ics"));
    Ics.Component event = ics.all("VEVENT").get(0);
    assertThat(Ics.text(event.value("SUMMARY"))).isEqualTo(TITLE);
    assertThat(Ics.text(event.value("LOCATION"))).isEqualTo("Dakar, Senegal");
    assertThat(event.line("DTSTART").params()).isEqualTo(";TZID=Europe/Paris");
    assertThat(event.value("DTSTART")).isEqualTo("20270327T090000");
    assertThat(event.value("DTEND")).isEqualTo("20270329T173000");
    assertThat(event.value("URL")).isEqualTo(server.origin() + "/#/meetings/" + paris);

    List<Ics.Component> zones = ics.all("VTIMEZONE");
    assertThat(zones).hasSize(1);
    assertThat(zones.get(0).value("TZID")).isEqualTo("Europe/Paris");
    assertThat(zones.get(0).all("DAYLIGHT")).anySatisfy(d -> {
      assertThat(d.value("DTSTART")).isEqualTo("20270328T020000");
      assertThat(d.value("TZOFFSETFROM")).isEqualTo("+0100");
      assertThat(d.value("TZOFFSETTO")).isEqualTo("+0200");
    });
    assertThat(Ics.resolve(zones.get(0), event.value("DTSTART"))).isEqualTo(Instant.parse(shown.getString("start")));
    assertThat(Ics.resolve(zones.get(0), event.value("DTEND"))).isEqualTo(Instant.parse(shown.getString("end")));
  }

  @Test
  @DisplayName("A restricted group's meeting calendar is for its members only")
  void restrictedMeetingCalendar() {
    calendar(member.get("/api/meetings/" + closed + "/calendar.ics"));
    calendar(admin.get("/api/meetings/" + closed + "/calendar.ics"));
    assertProblem(outsider.get("/api/meetings/" + closed + "/calendar.ics"), 404);
    assertProblem(server.client().get("/api/meetings/" + closed + "/calendar.ics"), 404);
    assertProblem(outsider.get("/api/meetings/not-an-id/calendar.ics"), 404);
  }

  @Test
  @DisplayName("The personal feed holds one's meetings and reply deadlines, without a session, until revoked")
  void personalFeed() {
    ok(admin.post("/api/groups/" + publicGroup + "/members", new JsonObject().put("email", "aminata@artp.sn")
        .put("role", "rapporteur")), 201);
    ok(member.patch("/api/me/profile", new JsonObject().put("language", "fr")), 200);
    String liaison = ok(admin.post("/api/liaisons", new JsonObject().put("fromGroupId", closedGroup)
        .put("to", new JsonArray().add(publicGroup)).put("title", "Costing, roaming").put("purpose", "for-action")
        .put("deadline", "2027-04-15T23:59:00Z").put("body", "Please reply.")), 201).getString("id");
    ok(admin.post("/api/liaisons/" + liaison + "/approve", new JsonObject()), 200);
    ok(admin.post("/api/liaisons/" + liaison + "/send", new JsonObject()), 200);
    String elsewhere = group("SG5-OTHER", "public");
    meeting(elsewhere, "Not one of hers", "2027-06-01T09:00", "2027-06-01T10:00", "Asia/Tokyo");

    assertThat(ok(member.get("/api/me/calendar-feed"), 200).getBoolean("active")).isFalse();
    JsonObject made = ok(member.post("/api/me/calendar-feed", new JsonObject()), 201);
    String url = made.getString("url");
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/api/calendar/[A-Za-z0-9_-]{43}\\.ics");
    String path = url.substring(server.origin().length());
    JsonObject status = ok(member.get("/api/me/calendar-feed"), 200);
    assertThat(status.getBoolean("active")).isTrue();
    assertThat(status.containsKey("url")).as("the address is shown once").isFalse();

    Ics.Component feed = calendar(server.client().get(path));
    assertThat(feed.all("VEVENT").stream().map(e -> e.value("UID")).toList()).containsExactlyInAnyOrder(
        "meeting-" + paris + "@rapporteur", "meeting-" + closed + "@rapporteur", "liaison-" + liaison + "-deadline@rapporteur");
    assertThat(feed.all("VTIMEZONE").stream().map(z -> z.value("TZID")).toList())
        .containsExactly("Africa/Dakar", "Europe/Paris");
    Ics.Component deadline = feed.all("VEVENT").stream().filter(e -> e.value("UID").startsWith("liaison-"))
        .findFirst().orElseThrow();
    assertThat(deadline.value("DTSTART")).isEqualTo("20270415T235900Z");
    assertThat(Ics.text(deadline.value("SUMMARY"))).startsWith("Réponse attendue: LS/SG2-CLOSED/1 Costing, roaming");
    assertThat(deadline.value("CATEGORIES")).isEqualTo("SG3RG-AFR");

    ok(admin.delete("/api/groups/" + closedGroup + "/members/" + member.get("/api/me").bodyAsJsonObject().getString("id")),
        204);
    assertThat(calendar(server.client().get(path)).all("VEVENT").stream().map(e -> e.value("UID")).toList())
        .as("leaving a group takes its meetings out").doesNotContain("meeting-" + closed + "@rapporteur");

    String renewed = ok(member.post("/api/me/calendar-feed", new JsonObject()), 201).getString("url")
        .substring(server.origin().length());
    assertProblem(server.client().get(path), 404);
    calendar(server.client().get(renewed));
    assertThat(member.delete("/api/me/calendar-feed").statusCode()).isEqualTo(204);
    assertProblem(server.client().get(renewed), 404);
    assertProblem(member.delete("/api/me/calendar-feed"), 404);
  }

  @Test
  @DisplayName("Feeds are one's own: anonymous visitors make none, and unknown addresses are not found")
  void feedAccess() {
    ApiClient anonymous = server.client();
    assertProblem(anonymous.get("/api/me/calendar-feed"), 401);
    assertProblem(anonymous.post("/api/me/calendar-feed", new JsonObject()), 401);
    assertProblem(anonymous.delete("/api/me/calendar-feed"), 401);
    assertProblem(anonymous.get("/api/calendar/" + "A".repeat(43) + ".ics"), 404);
    assertProblem(anonymous.get("/api/calendar/short.ics"), 404);
    assertProblem(anonymous.get("/api/calendar/" + "A".repeat(43)), 404);
    String mine = ok(member.post("/api/me/calendar-feed", new JsonObject()), 201).getString("url");
    String theirs = ok(outsider.post("/api/me/calendar-feed", new JsonObject()), 201).getString("url");
    assertThat(mine).isNotEqualTo(theirs);
    Ics.Component outsiders = calendar(anonymous.get(theirs.substring(server.origin().length())));
    assertThat(outsiders.all("VEVENT")).as("an outsider's feed shows no closed meeting").isEmpty();
  }
}
