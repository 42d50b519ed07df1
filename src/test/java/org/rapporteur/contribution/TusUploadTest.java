package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.ServerTest;

/** Resumable uploads following tus 1.0, over a link that drops. */
class TusUploadTest extends ServerTest {
  ApiClient expert;
  String groupId;

  @BeforeEach
  void start() {
    expert = server.client();
    expert.registerAndSignIn("mobile@example.tz", "Neema Mushi");
    groupId = Contributions.group(server.admin(), "SG1RGQ", "public", "mobile@example.tz");
  }

  @Test
  void anInterruptedUploadResumesAndGivesAByteIdenticalFile() throws Exception {
    byte[] file = new byte[3 * 1024 * 1024 + 123];
    new Random(42).nextBytes(file);
    String location = create(file.length, Map.of("filename", "rapport-final.pdf"));
    int half = file.length / 2;

    interruptedPatch(location, file, half);
    long offset = settledOffset(location);
    // the server keeps every byte it wrote before the link dropped; bytes still in flight are sent again
    assertThat(offset).isPositive().isLessThanOrEqualTo(half);

    HttpResponse<Buffer> rest = patch(location, offset, Arrays.copyOfRange(file, (int) offset, file.length));
    assertThat(rest.statusCode()).isEqualTo(204);
    assertThat(rest.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
    assertThat(rest.getHeader("Upload-Offset")).isEqualTo(Integer.toString(file.length));
    String contributionId = rest.getHeader("Contribution-Id");
    assertThat(rest.getHeader("Contribution-Number")).isEqualTo("SG1RGQ/1");

    JsonObject contribution = expert.get("/api/contributions/" + contributionId).bodyAsJsonObject();
    JsonObject revision = contribution.getJsonArray("revisions").getJsonObject(0);
    assertThat(revision.getString("sha256")).isEqualTo(ContributionUploadTest.sha256(file));
    assertThat(revision.getString("filename")).isEqualTo("rapport-final.pdf");
    byte[] downloaded = expert.get("/api/contributions/" + contributionId + "/file").body().getBytes();
    assertThat(ContributionUploadTest.sha256(downloaded)).isEqualTo(ContributionUploadTest.sha256(file));
  }

  @Test
  void aPatchAtTheWrongOffsetGets409AndChangesNothing() {
    byte[] file = "Twenty-six bytes of text!!".getBytes(StandardCharsets.UTF_8);
    String location = create(file.length, Map.of());
    assertThat(patch(location, 0, Arrays.copyOfRange(file, 0, 10)).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> wrong = patch(location, 5, Arrays.copyOfRange(file, 5, 26));
    assertThat(wrong.statusCode()).isEqualTo(409);
    assertThat(wrong.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
    assertThat(head(location).getHeader("Upload-Offset")).isEqualTo("10");
    assertThat(patch(location, 10, Arrays.copyOfRange(file, 10, 26)).getHeader("Contribution-Id")).isNotNull();
  }

  @Test
  void aCompleteUploadRefusedAtSubmissionIsSubmittedByAnEmptyPatchAtItsLength() {
    byte[] file = "Refused once, accepted later.".getBytes(StandardCharsets.UTF_8);
    String location = create(file.length, Map.of("filename", "later.txt"));
    assertThat(patch(location, 0, Arrays.copyOfRange(file, 0, 10)).statusCode()).isEqualTo(204);
    String userId = expert.get("/api/me").bodyAsJsonObject().getString("id");
    assertThat(server.admin().delete("/api/groups/" + groupId + "/members/" + userId).statusCode()).isEqualTo(204);

    HttpResponse<Buffer> refused = patch(location, 10, Arrays.copyOfRange(file, 10, file.length));
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> stands = head(location);
    assertThat(stands.getHeader("Upload-Offset")).isEqualTo(Integer.toString(file.length));
    assertThat(stands.getHeader("Contribution-Id")).isNull();

    assertThat(server.admin().post("/api/groups/" + groupId + "/members",
        new JsonObject().put("email", "mobile@example.tz").put("role", "member")).statusCode()).isEqualTo(201);
    HttpResponse<Buffer> submitted = patch(location, file.length, new byte[0]);
    assertThat(submitted.statusCode()).isEqualTo(204);
    String id = submitted.getHeader("Contribution-Id");
    assertThat(id).isNotNull();
    assertThat(expert.get("/api/contributions/" + id + "/file").body().getBytes()).isEqualTo(file);
    assertThat(patch(location, file.length, new byte[0]).statusCode()).as("submitted once only").isEqualTo(409);
  }

  @Test
  void optionsAdvertisesTheProtocolAndAVersionlessRequestGets412() {
    HttpResponse<Buffer> options = expert.request(HttpMethod.OPTIONS, "/api/uploads").send().await();
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.getHeader("Tus-Version")).isEqualTo("1.0.0");
    assertThat(options.getHeader("Tus-Extension")).contains("creation", "termination", "expiration");
    assertThat(options.getHeader("Tus-Max-Size")).isEqualTo(Long.toString(50L * 1024 * 1024));
    HttpResponse<Buffer> versionless = expert.request(HttpMethod.POST, "/api/uploads")
        .putHeader("Upload-Length", "10").send().await();
    assertThat(versionless.statusCode()).isEqualTo(412);
  }

  @Test
  void terminationRemovesTheUpload() {
    String location = create(100, Map.of());
    assertThat(patch(location, 0, new byte[40]).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> deleted = tus(HttpMethod.DELETE, location).send().await();
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(head(location).statusCode()).isEqualTo(404);
  }

  @Test
  void creationChecksLengthMetadataAndTheUploader() {
    HttpResponse<Buffer> noGroup = tus(HttpMethod.POST, "/api/uploads").putHeader("Upload-Length", "10")
        .putHeader("Upload-Metadata", metadata(Map.of("title", "T", "source", "S"))).send().await();
    assertThat(noGroup.statusCode()).isEqualTo(400);
    assertThat(noGroup.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("Upload-Metadata.groupId");
    HttpResponse<Buffer> huge = tus(HttpMethod.POST, "/api/uploads").putHeader("Upload-Length", "99999999999")
        .putHeader("Upload-Metadata", metadata(Map.of("groupId", groupId, "title", "T", "source", "S"))).send().await();
    assertThat(huge.statusCode()).isEqualTo(413);
    ApiClient outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Out Sider");
    HttpResponse<Buffer> forbidden = outsider.request(HttpMethod.POST, "/api/uploads").putHeader("Tus-Resumable", "1.0.0")
        .putHeader("Upload-Length", "10")
        .putHeader("Upload-Metadata", metadata(Map.of("groupId", groupId, "title", "T", "source", "S"))).send().await();
    assertThat(forbidden.statusCode()).isEqualTo(403);
  }

  @Test
  void aFilenameWithPathAndNulIsSanitized() {
    String location = create(5, Map.of("filename", "../../etc/passwd\u0000.txt"));
    String id = patch(location, 0, "hello".getBytes(StandardCharsets.UTF_8)).getHeader("Contribution-Id");
    JsonObject contribution = expert.get("/api/contributions/" + id).bodyAsJsonObject();
    assertThat(contribution.getJsonArray("revisions").getJsonObject(0).getString("filename")).isEqualTo("passwd.txt");
  }

  private String create(long length, Map<String, String> extra) {
    Map<String, String> meta = new java.util.HashMap<>(Map.of("groupId", groupId, "title", "Resumable contribution",
        "source", "Tanzania", "questions", "Q4/1"));
    meta.putAll(extra);
    HttpResponse<Buffer> created = tus(HttpMethod.POST, "/api/uploads")
        .putHeader("Upload-Length", Long.toString(length))
        .putHeader("Upload-Metadata", metadata(meta)).send().await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.getHeader("Upload-Expires")).endsWith("GMT");
    return created.getHeader("Location");
  }

  private HttpResponse<Buffer> patch(String location, long offset, byte[] bytes) {
    return tus(HttpMethod.PATCH, location).putHeader("Upload-Offset", Long.toString(offset))
        .putHeader("Content-Type", "application/offset+octet-stream").sendBuffer(Buffer.buffer(bytes)).await();
  }

  private HttpResponse<Buffer> head(String location) {
    return tus(HttpMethod.HEAD, location).send().await();
  }

  private HttpRequest<Buffer> tus(HttpMethod method, String path) {
    return expert.request(method, path).putHeader("Tus-Resumable", "1.0.0");
  }

  /** Sends the headers for the whole rest of the file, then only {@code sent} bytes, then drops the link. */
  private void interruptedPatch(String location, byte[] file, int sent) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      String token = expert.csrfToken();
      String head = "PATCH " + location + " HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + server.port() + "\r\n"
          + "Cookie: rapporteur_session=" + expert.cookie("rapporteur_session") + "; XSRF-TOKEN=" + token + "\r\n"
          + "X-XSRF-TOKEN: " + token + "\r\n"
          + "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
          + "Content-Length: " + file.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(file, 0, sent);
      out.flush();
      Contributions.sleep(300);
    }
  }

  /** The offset once the broken PATCH has been wound up: the same answer three times running. */
  private long settledOffset(String location) {
    long last = -1;
    int same = 0;
    for (int i = 0; i < 100 && same < 3; i++) {
      long offset = Long.parseLong(head(location).getHeader("Upload-Offset"));
      same = offset == last && offset > 0 ? same + 1 : 0;
      last = offset;
      Contributions.sleep(100);
    }
    return last;
  }

  private static String metadata(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
        .collect(Collectors.joining(","));
  }
}
