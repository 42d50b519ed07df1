package org.rapporteur.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.Problems;
import org.rapporteur.support.ServerTest;

/**
 * A meeting's document register: the contributions sent for the meeting (late ones flagged) and those
 * allocated on its agenda, with item and treatment; as JSON, CSV for a spreadsheet and a ZIP of the
 * originals; readable by whoever may read the meeting and by nobody else.
 */
class RegisterTest extends ServerTest {
  ApiClient admin;
  ApiClient chair;
  ApiClient member;
  ApiClient outsider;
  String groupId;
  String meetingId;
  Map<String, JsonObject> docs = new HashMap<>();

  @BeforeEach
  void start() {
    admin = server.admin();
    chair = server.client();
    chair.registerAndSignIn("chair@artp.sn", "Aminata Diop");
    member = server.client();
    member.registerAndSignIn("member@ntra.eg", "Ahmed Hassan");
    outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Out Sider");
    groupId = Contributions.group(admin, "SG1RGQ", "restricted", "member@ntra.eg");
    ok(admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", "chair@artp.sn")
        .put("role", "chair")), 201);
    // The deadline has passed: what is sent for this meeting now is late.
    meetingId = ok(chair.post("/api/groups/" + groupId + "/meetings", new JsonObject()
        .put("title", "SG1RGQ, Geneva").put("kind", "virtual").put("start", "2027-03-01T09:30")
        .put("end", "2027-03-02T17:00").put("timeZone", "Europe/Zurich").put("remoteInstructions", "Online")
        .put("contributionDeadline", "2020-01-01T00:00")), 201).getString("id");
    docs.put("forMeeting", upload("cost-models.txt", "Cost models for mobile broadband", meetingId));
    docs.put("formula", upload("formula.txt", "=HYPERLINK(\"http://evil.example\",\"click\")", meetingId));
    docs.put("allocated", upload("roaming.docx", "Regional roaming in West Africa", null));
    docs.put("unrelated", upload("other.txt", "Not for this meeting", null));
    ok(chair.put("/api/meetings/" + meetingId + "/agenda", new JsonObject().put("version", 0).put("items",
        new JsonArray().add(new JsonObject().put("id", "open").put("title", "Opening"))
            .add(new JsonObject().put("id", "docs").put("title", "Contributions").put("children", new JsonArray()
                .add(new JsonObject().put("id", "roam").put("title", "Roaming").put("allocations", new JsonArray()
                    .add(new JsonObject().put("contributionId", docs.get("allocated").getString("id"))
                        .put("status", "noted")))))))), 200);
  }

  JsonObject upload(String filename, String title, String meeting) {
    Map<String, String> fields = new HashMap<>(Contributions.fields(title));
    if (meeting != null) {
      fields.put("meetingId", meeting);
    }
    HttpResponse<Buffer> response = Contributions.upload(member, groupId, filename,
        ("Text of " + filename).getBytes(StandardCharsets.UTF_8), "text/plain", fields);
    return ok(response, 201);
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsString().isEmpty() || !response.bodyAsString().startsWith("{") ? null
        : response.bodyAsJsonObject();
  }

  String path(String tail) {
    return "/api/meetings/" + meetingId + "/register" + tail;
  }

  @Test
  @DisplayName("The register lists the meeting's documents and the allocated ones, with item, treatment and late flag")
  void registerListsTheMeetingsDocumentsWithItemTreatmentAndLateFlag() {
    JsonArray items = ok(member.get(path("")), 200).getJsonArray("items");
    assertThat(items).hasSize(3);
    Map<String, JsonObject> byNumber = new HashMap<>();
    items.forEach(o -> byNumber.put(((JsonObject) o).getString("number"), (JsonObject) o));
    JsonObject allocated = byNumber.get(docs.get("allocated").getString("number"));
    assertThat(allocated.getString("item")).isEqualTo("2.1");
    assertThat(allocated.getString("itemTitle")).isEqualTo("Roaming");
    assertThat(allocated.getString("treatment")).isEqualTo("noted");
    assertThat(allocated.getBoolean("late")).isFalse();
    JsonObject sent = byNumber.get(docs.get("forMeeting").getString("number"));
    assertThat(sent.getBoolean("late")).isTrue();
    assertThat(sent.getString("item")).isNull();
    assertThat(sent.getString("source")).isEqualTo("Senegal");
    assertThat(sent.getString("title")).isEqualTo("Cost models for mobile broadband");
    assertThat(byNumber).doesNotContainKey(docs.get("unrelated").getString("number"));
  }

  @Test
  @DisplayName("The CSV starts with a byte order mark, quotes every cell and defuses a title that a spreadsheet would run")
  void csvHasByteOrderMarkAndDefusesFormulas() {
    HttpResponse<Buffer> csv = member.get(path(".csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains(".csv");
    byte[] bytes = csv.body().getBytes();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = csv.bodyAsString(StandardCharsets.UTF_8.name());
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("\uFEFFnumber,source,title,questions,item,item_title,treatment,status,late,"
        + "submitted_at");
    assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
    assertThat(text).doesNotContain(",\"=HYPERLINK");
    assertThat(text).contains("\"2.1\",\"Roaming\",\"noted\"");
  }

  @Test
  @DisplayName("The ZIP holds each original under its number, byte for byte, and a standard reader opens it")
  void zipHoldsEachOriginalNamedByNumber() throws Exception {
    HttpResponse<Buffer> zip = member.get(path(".zip"));
    assertThat(zip.statusCode()).as(zip.bodyAsString()).isEqualTo(200);
    assertThat(zip.getHeader("Content-Type")).isEqualTo("application/zip");
    Path file = dataDir.resolve("register.zip");
    Files.write(file, zip.body().getBytes());
    try (ZipFile archive = new ZipFile(file.toFile())) {
      Map<String, String> contents = new HashMap<>();
      for (ZipEntry entry : archive.stream().toList()) {
        contents.put(entry.getName(), new String(archive.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
      }
      String allocated = docs.get("allocated").getString("number").replace('/', '-') + ".docx";
      String sent = docs.get("forMeeting").getString("number").replace('/', '-') + ".txt";
      assertThat(contents).hasSize(3)
          .containsEntry(allocated, "Text of roaming.docx")
          .containsEntry(sent, "Text of cost-models.txt");
    }
  }

  @Test
  @DisplayName("Members, the chair and the admin read the register of a restricted group's meeting; anonymous visitors "
      + "and outsiders find no such meeting")
  void whoMayReadTheRegister() {
    for (String tail : List.of("", ".csv", ".zip")) {
      for (ApiClient reader : List.of(member, chair, admin)) {
        assertThat(reader.get(path(tail)).statusCode()).as(tail).isEqualTo(200);
      }
      Problems.assertProblem(outsider.get(path(tail)), 404);
      assertThat(server.client().get(path(tail)).statusCode()).as("anonymous " + tail).isIn(401, 404);
      Problems.assertProblem(member.get("/api/meetings/0123456789abcdef01234568/register" + tail), 404);
    }
  }

  @Test
  @DisplayName("Anyone reads the register of a public group's meeting, signed in or not")
  void publicMeetingsRegisterIsOpen() {
    ok(admin.patch("/api/groups/" + groupId, new JsonObject().put("visibility", "public")), 200);
    assertThat(ok(server.client().get(path("")), 200).getJsonArray("items")).hasSize(3);
    assertThat(outsider.get(path(".csv")).statusCode()).isEqualTo(200);
  }
}
