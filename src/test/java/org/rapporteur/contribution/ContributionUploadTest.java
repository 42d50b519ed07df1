package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Contributions.awaitExtraction;
import static org.rapporteur.support.Contributions.fields;
import static org.rapporteur.support.Contributions.upload;
import static org.rapporteur.support.Contributions.uploadOk;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;
import org.rapporteur.support.TestDocuments;

/** Upload, storage, extraction and the light view, against the real server, GridFS and Tika child JVMs. */
class ContributionUploadTest extends SharedServerTest {
  private static final int MAX_BYTES = 2 * 1024 * 1024;

  @org.junit.jupiter.api.io.TempDir
  static Path dataDir;
  ApiClient admin;
  ApiClient expert;
  String groupId;

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("contributions",
        new JsonObject().put("maxFileBytes", MAX_BYTES).put("uploadsPerUserPerHour", 500));
  }

  @BeforeAll
  void start() throws Exception {
    admin = server.admin();
    expert = server.client();
    expert.registerAndSignIn("aminata@example.sn", "Aminata Diallo");
    groupId = Contributions.group(admin, "SG1RGQ", "public", "aminata@example.sn");
  }

  @Test
  void docxGetsANumberTextTitleAuthorAndLanguage() {
    byte[] docx = TestDocuments.docx("Broadband for rural Africa", "Aminata Diallo", List.of(
        "This contribution proposes ways to extend broadband connectivity to rural communities.",
        "Community networks and satellite links lower the cost of access for remote villages."));
    JsonObject created = uploadOk(expert, groupId, "rural-broadband.docx", docx, "Rural broadband");
    assertThat(created.getString("number")).matches("SG1RGQ/\\d+");
    assertThat(created.getString("status")).isEqualTo("submitted");
    assertThat(created.getBoolean("late")).isFalse();
    assertThat(created.getJsonArray("questions").getList()).containsExactly("Q4/1");

    JsonObject extraction = awaitExtraction(expert, created.getString("id")).getJsonObject("extraction");
    assertThat(extraction.getString("state")).isEqualTo("done");
    assertThat(extraction.getString("title")).isEqualTo("Broadband for rural Africa");
    assertThat(extraction.getJsonArray("authors").getList()).containsExactly("Aminata Diallo");
    assertThat(extraction.getString("language")).isEqualTo("en");
    assertThat(extraction.getString("detectedType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    HttpResponse<Buffer> light = expert.get("/api/contributions/" + created.getString("id") + "/text");
    assertThat(light.statusCode()).isEqualTo(200);
    assertThat(light.getHeader("Content-Type")).startsWith("text/html");
    String html = light.bodyAsString();
    assertThat(html).startsWith("<div dir=\"ltr\">").contains("<p>This contribution proposes ways");
    assertThat(html.replace("<div dir=\"ltr\">", "")).doesNotContain("=").doesNotContain("<script");
    assertThat(html.length()).isLessThan(docx.length);
  }

  @Test
  void pdfGivesPageCountAndAuthor() {
    byte[] pdf = TestDocuments.pdf("Spectrum management", "Kwame Mensah", List.of(
        "Spectrum management in the Africa region requires coordination between administrations.",
        "The regional group studies how to share frequency assignments near borders."), null);
    JsonObject created = uploadOk(expert, groupId, "spectrum.pdf", pdf, "Spectrum");
    JsonObject extraction = awaitExtraction(expert, created.getString("id")).getJsonObject("extraction");
    assertThat(extraction.getString("state")).isEqualTo("done");
    assertThat(extraction.getString("detectedType")).isEqualTo("application/pdf");
    assertThat(extraction.getInteger("pages")).isEqualTo(2);
    assertThat(extraction.getString("title")).isEqualTo("Spectrum management");
    assertThat(extraction.getJsonArray("authors").getList()).containsExactly("Kwame Mensah");
    assertThat(expert.get("/api/contributions/" + created.getString("id") + "/text").bodyAsString())
        .contains("coordination between administrations");
  }

  @Test
  void odtAndFrenchPlainTextAreRead() {
    byte[] odt = TestDocuments.odt("Cybersécurité", "Jean Dupont", List.of(
        "La cybersécurité des réseaux de télécommunications est une priorité pour les pays en développement.",
        "Les équipes nationales de réponse aux incidents doivent coopérer au niveau régional."));
    JsonObject fromOdt = awaitExtraction(expert, uploadOk(expert, groupId, "cyber.odt", odt, "Cyber").getString("id"));
    assertThat(fromOdt.getJsonObject("extraction").getString("state")).isEqualTo("done");
    assertThat(fromOdt.getJsonObject("extraction").getString("title")).isEqualTo("Cybersécurité");
    assertThat(fromOdt.getJsonObject("extraction").getString("language")).isEqualTo("fr");
    assertThat(fromOdt.getJsonObject("extraction").getString("detectedType"))
        .isEqualTo("application/vnd.oasis.opendocument.text");

    byte[] txt = ("Les opérateurs partagent leurs infrastructures passives pour réduire les coûts du déploiement.\n"
        + "Cette contribution décrit les expériences du Sénégal et de la Côte d'Ivoire.").getBytes(StandardCharsets.UTF_8);
    JsonObject fromTxt = awaitExtraction(expert, uploadOk(expert, groupId, "partage.txt", txt, "Partage").getString("id"));
    assertThat(fromTxt.getJsonObject("extraction").getString("state")).isEqualTo("done");
    assertThat(fromTxt.getJsonObject("extraction").getString("language")).isEqualTo("fr");
    assertThat(fromTxt.getJsonObject("extraction").getString("detectedType")).isEqualTo("text/plain");
  }

  @Test
  void aLyingExtensionIsDetectedByContentAndServedAsWhatItIs() {
    byte[] pdf = TestDocuments.pdf("Disguised", "Someone", List.of("A PDF that calls itself a Word file."), null);
    JsonObject created = uploadOk(expert, groupId, "notes.docx", pdf, "Disguised");
    JsonObject c = awaitExtraction(expert, created.getString("id"));
    assertThat(c.getJsonObject("extraction").getString("detectedType")).isEqualTo("application/pdf");
    HttpResponse<Buffer> file = expert.get("/api/contributions/" + created.getString("id") + "/file");
    assertThat(file.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(file.getHeader("Content-Disposition")).startsWith("attachment;");
  }

  @Test
  void pathLikeFilenamesAreReducedToTheirLastSegment() {
    byte[] txt = "Plain words about numbering plans and their management.".getBytes(StandardCharsets.UTF_8);
    JsonObject created = uploadOk(expert, groupId, "../../etc/passwd", txt, "Traversal");
    assertThat(created.getJsonArray("revisions").getJsonObject(0).getString("filename")).isEqualTo("passwd");
    JsonObject other = uploadOk(expert, groupId, "évaluation finale.txt", txt, "Backslashes");
    assertThat(other.getJsonArray("revisions").getJsonObject(0).getString("filename")).isEqualTo("évaluation finale.txt");
    String disposition = expert.get("/api/contributions/" + other.getString("id") + "/file").getHeader("Content-Disposition");
    assertThat(disposition).isEqualTo(
        "attachment; filename=\"_valuation finale.txt\"; filename*=UTF-8''%C3%A9valuation%20finale.txt");
  }

  @Test
  void anEmptyFileIsRefusedNamingTheField() {
    HttpResponse<Buffer> response = upload(expert, groupId, "empty.docx", new byte[0], "application/octet-stream",
        fields("Empty"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("file");
  }

  @Test
  void missingMetadataIsRefusedNamingTheFields() {
    HttpResponse<Buffer> response = upload(expert, groupId, "a.txt", "text".getBytes(StandardCharsets.UTF_8),
        "text/plain", java.util.Map.of("questions", "Question four"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList()).contains("title", "source", "questions[0]");
  }

  @Test
  void anOversizeFileGets413() {
    byte[] big = new byte[MAX_BYTES + 300_000];
    new Random(1).nextBytes(big);
    HttpResponse<Buffer> response = upload(expert, groupId, "big.bin", big, "application/octet-stream", fields("Big"));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void anEncryptedPdfEndsFailedAsEncrypted() {
    byte[] pdf = TestDocuments.pdf("Secret", "Someone", List.of("Locked words."), "s3cret");
    JsonObject created = uploadOk(expert, groupId, "locked.pdf", pdf, "Locked");
    JsonObject extraction = awaitExtraction(expert, created.getString("id")).getJsonObject("extraction");
    assertThat(extraction.getString("state")).isEqualTo("failed");
    assertThat(extraction.getString("reason")).isEqualTo("encrypted");
    assertThat(expert.get("/api/contributions/" + created.getString("id") + "/text").statusCode()).isEqualTo(422);
  }

  @Test
  void xmlEntityAttacksAreNeitherResolvedNorExpanded() {
    String laughs = "<!ENTITY a \"lollollollollollollollollollol\">"
        + java.util.stream.IntStream.range(1, 10).mapToObj(i -> "<!ENTITY " + (char) ('a' + i) + " \""
            + ("&" + (char) ('a' + i - 1) + ";").repeat(10) + "\">").collect(java.util.stream.Collectors.joining());
    byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">" + laughs + "]>"
        + "<doc><p>Entity attack &xxe; and &j;</p></doc>").getBytes(StandardCharsets.UTF_8);
    // Tika's XML parsing refuses document type declarations outright; the reason says the file is hostile
    assertRefusedAsUnsafe(uploadOk(expert, groupId, "entities.xml", xml, "Entities"));
    assertRefusedAsUnsafe(uploadOk(expert, groupId, "entities.docx", TestDocuments.docxWithEntities(), "Entities in Word"));
  }

  private void assertRefusedAsUnsafe(JsonObject created) {
    JsonObject extraction = awaitExtraction(expert, created.getString("id")).getJsonObject("extraction");
    assertThat(extraction.getString("state")).isEqualTo("failed");
    assertThat(extraction.getString("reason")).as(extraction.getString("detail")).isEqualTo("unsafe");
    assertThat(extraction.getInteger("textChars")).isZero();
    assertThat(expert.get("/api/contributions/" + created.getString("id") + "/text").bodyAsString()).doesNotContain("root:");
    assertThat(server.client().get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void randomBytesEndFailedAsUnsupported() {
    byte[] noise = new byte[50_000];
    new Random(7).nextBytes(noise);
    JsonObject created = uploadOk(expert, groupId, "noise.docx", noise, "Noise");
    JsonObject extraction = awaitExtraction(expert, created.getString("id")).getJsonObject("extraction");
    assertThat(extraction.getString("state")).isEqualTo("failed");
    assertThat(extraction.getString("reason")).isIn("unsupported", "corrupt");
  }

  @Test
  void theFileComesBackByteIdenticalWithRanges() throws Exception {
    byte[] pdf = TestDocuments.pdf("Ranges", "Someone", List.of("Bytes and ranges."), null);
    JsonObject created = uploadOk(expert, groupId, "ranges.pdf", pdf, "Ranges");
    String path = "/api/contributions/" + created.getString("id") + "/file";
    HttpResponse<Buffer> whole = expert.get(path);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(sha256(whole.body().getBytes())).isEqualTo(sha256(pdf))
        .isEqualTo(created.getJsonArray("revisions").getJsonObject(0).getString("sha256"));
    assertThat(whole.getHeader("Accept-Ranges")).isEqualTo("bytes");

    HttpResponse<Buffer> part = expert.request(io.vertx.core.http.HttpMethod.GET, path)
        .putHeader("Range", "bytes=10-109").send().await();
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 10-109/" + pdf.length);
    assertThat(part.body().getBytes()).isEqualTo(java.util.Arrays.copyOfRange(pdf, 10, 110));

    HttpResponse<Buffer> tail = expert.request(io.vertx.core.http.HttpMethod.GET, path)
        .putHeader("Range", "bytes=-20").send().await();
    assertThat(tail.body().getBytes()).isEqualTo(java.util.Arrays.copyOfRange(pdf, pdf.length - 20, pdf.length));

    HttpResponse<Buffer> beyond = expert.request(io.vertx.core.http.HttpMethod.GET, path)
        .putHeader("Range", "bytes=" + pdf.length + "-").send().await();
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.getHeader("Content-Range")).isEqualTo("bytes */" + pdf.length);
  }

  @Test
  void revisionsKeepTheNumberAndCanBeCompared() {
    byte[] first = "Introduction\nThe first draft proposes three measures.\nConclusion".getBytes(StandardCharsets.UTF_8);
    JsonObject original = uploadOk(expert, groupId, "draft.txt", first, "Draft");
    awaitExtraction(expert, original.getString("id"));
    byte[] second = "Introduction\nThe revised draft proposes four measures.\nConclusion".getBytes(StandardCharsets.UTF_8);
    java.util.Map<String, String> revFields = new java.util.HashMap<>(fields("Draft"));
    revFields.put("revisionOf", original.getString("id"));
    HttpResponse<Buffer> response = upload(expert, groupId, "draft-rev1.txt", second, "text/plain", revFields);
    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject revised = response.bodyAsJsonObject();
    assertThat(revised.getString("id")).isEqualTo(original.getString("id"));
    assertThat(revised.getString("number")).isEqualTo(original.getString("number"));
    assertThat(revised.getString("label")).isEqualTo(original.getString("number") + " Rev.1");
    assertThat(revised.getString("status")).isEqualTo("revised");
    assertThat(revised.getJsonArray("revisions")).hasSize(2);
    awaitExtraction(expert, original.getString("id"), 1, java.time.Duration.ofSeconds(60));

    JsonObject diff = expert.get("/api/contributions/" + original.getString("id") + "/diff?from=0&to=1").bodyAsJsonObject();
    assertThat(diff.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getString("op")
        + ((JsonObject) l).getString("text")).toList()).containsExactly(
        " Introduction", "-The first draft proposes three measures.",
        "+The revised draft proposes four measures.", " Conclusion");
    HttpResponse<Buffer> oldFile = expert.get("/api/contributions/" + original.getString("id") + "/file?rev=0");
    assertThat(oldFile.body().getBytes()).isEqualTo(first);
  }

  @Test
  void onlyParticipantsUploadAndRapporteursChangeStatus() {
    ApiClient outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Out Sider");
    HttpResponse<Buffer> refused = upload(outsider, groupId, "x.txt", "words".getBytes(StandardCharsets.UTF_8),
        "text/plain", fields("Not mine"));
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> anonymous = upload(server.client(), groupId, "x.txt", "words".getBytes(StandardCharsets.UTF_8),
        "text/plain", fields("Nobody"));
    assertThat(anonymous.statusCode()).isEqualTo(401);

    JsonObject created = uploadOk(expert, groupId, "status.txt", "Status words.".getBytes(StandardCharsets.UTF_8), "Status");
    String path = "/api/contributions/" + created.getString("id");
    assertThat(expert.patch(path, new JsonObject().put("status", "noted")).statusCode()).isEqualTo(403);
    assertThat(admin.patch(path, new JsonObject().put("status", "allocated")).bodyAsJsonObject().getString("status"))
        .isEqualTo("allocated");
    assertThat(admin.patch(path, new JsonObject().put("status", "lost")).statusCode()).isEqualTo(400);
  }

  @Test
  void aDeadlineInThePastMarksTheContributionLate() {
    java.util.Map<String, String> late = new java.util.HashMap<>(fields("Late"));
    late.put("deadline", "2020-01-01T00:00:00Z");
    HttpResponse<Buffer> response = upload(expert, groupId, "late.txt", "Late words.".getBytes(StandardCharsets.UTF_8),
        "text/plain", late);
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getBoolean("late")).isTrue();
  }

  @Test
  void aContributionForAMeetingIsLateOnlyAfterThatMeetingsDeadline() {
    String past = meeting("2026-01-01T09:00", "2025-12-20T23:59");
    String future = meeting("2099-01-01T09:00", "2098-12-01T23:59");
    java.util.Map<String, String> toPast = new java.util.HashMap<>(fields("After the deadline"));
    toPast.put("meetingId", past);
    JsonObject late = upload(expert, groupId, "late.txt", "Late words.".getBytes(StandardCharsets.UTF_8), "text/plain",
        toPast).bodyAsJsonObject();
    assertThat(late.getBoolean("late")).isTrue();
    assertThat(late.getString("meetingId")).isEqualTo(past);
    assertThat(late.getString("deadline")).isEqualTo("2025-12-20T23:59:00Z");
    java.util.Map<String, String> toFuture = new java.util.HashMap<>(fields("In time"));
    toFuture.put("meetingId", future);
    assertThat(upload(expert, groupId, "early.txt", "Early words.".getBytes(StandardCharsets.UTF_8), "text/plain",
        toFuture).bodyAsJsonObject().getBoolean("late")).isFalse();
    java.util.Map<String, String> nowhere = new java.util.HashMap<>(fields("Nowhere"));
    nowhere.put("meetingId", "0123456789abcdef01234567");
    assertThat(upload(expert, groupId, "x.txt", "Words.".getBytes(StandardCharsets.UTF_8), "text/plain", nowhere)
        .statusCode()).isEqualTo(422);
  }

  private String meeting(String start, String deadline) {
    HttpResponse<Buffer> created = admin.post("/api/groups/" + groupId + "/meetings", new JsonObject()
        .put("title", "Meeting " + start).put("kind", "virtual").put("start", start)
        .put("end", start.substring(0, 11) + "17:00").put("timeZone", "UTC").put("contributionDeadline", deadline)
        .put("remoteInstructions", "Join from the meeting page"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
