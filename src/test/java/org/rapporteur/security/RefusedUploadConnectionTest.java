package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.security.RawHttp.Answer;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestServer;

/**
 * An upload refused before its body was read (its body waits paused for the access checks) leaves
 * the connection usable: the next request on it is answered, or the refusal said Connection: close
 * and the server closed. tus.js sends HEAD on the same connection right after a 409.
 */
@ExtendWith(VertxExtension.class)
class RefusedUploadConnectionTest {
  private static final int MAX_FILE_BYTES = 128 * 1024;
  private static final int WAIT_MILLIS = 5_000;

  @TempDir
  Path dataDir;
  TestServer server;
  ApiClient member;
  ApiClient outsider;
  String groupId;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, dataDir, new JsonObject()
        .put("contributions", new JsonObject().put("maxFileBytes", MAX_FILE_BYTES)));
    member = server.client();
    member.registerAndSignIn("member@example.sn", "Awa Member");
    outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Out Sider");
    groupId = Contributions.group(server.admin(), "SG1RGQ", "public", "member@example.sn");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aTusPatchAtTheWrongOffsetGets409AndTheNextHeadOnTheConnectionIsAnswered() throws Exception {
    String location = createUpload(100);
    try (RawHttp connection = new RawHttp(server.port(), WAIT_MILLIS)) {
      byte[] body = bytes(256 * 1024);
      connection.send("PATCH " + location + " HTTP/1.1\r\n" + common(member)
          + "Tus-Resumable: 1.0.0\r\nUpload-Offset: 50\r\nContent-Type: application/offset+octet-stream\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n");
      connection.sendInBackground(body);
      Answer refusal = connection.read(true);
      assertThat(refusal.status()).isEqualTo(409);
      // a body this small is read and thrown away, so the browser keeps its connection
      assertThat(refusal.closesConnection()).isFalse();

      connection.send("HEAD " + location + " HTTP/1.1\r\n" + common(member) + "Tus-Resumable: 1.0.0\r\n\r\n");
      Answer head = connection.read(false);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Upload-Offset")).isEqualTo("0");
    }
  }

  @Test
  void aMultipartUploadByANonMemberGets403AndTheConnectionStaysUsable() throws Exception {
    byte[] body = multipart(1_000_000);
    assertNextRequestAnsweredOrClosed(outsider, body, 403);
  }

  @Test
  void aMultipartUploadOverTheLimitGetsAnEarly413AndTheConnectionStaysUsableOrCloses() throws Exception {
    byte[] body = multipart(1_000_000);
    assertNextRequestAnsweredOrClosed(member, body, 413);
  }

  @Test
  void aLargeRefusedBodyIsNotReadButTheConnectionIsClosedAfterTheAnswer() throws Exception {
    byte[] body = multipart(4 * 1024 * 1024);
    try (RawHttp connection = new RawHttp(server.port(), WAIT_MILLIS)) {
      sendMultipart(connection, outsider, body);
      Answer refusal = connection.read(true);
      assertThat(refusal.status()).isEqualTo(403);
      assertThat(refusal.closesConnection()).isTrue();
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  private void assertNextRequestAnsweredOrClosed(ApiClient client, byte[] body, int refused) throws Exception {
    try (RawHttp connection = new RawHttp(server.port(), WAIT_MILLIS)) {
      sendMultipart(connection, client, body);
      Answer refusal = connection.read(true);
      assertThat(refusal.status()).isEqualTo(refused);
      assertThat(refusal.header("Content-Type")).isEqualTo("application/problem+json");
      if (refusal.closesConnection()) {
        assertThat(connection.closedByServer()).as("closed after Connection: close").isTrue();
        return;
      }
      connection.send("HEAD /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(connection.read(false).status()).as("the next request on the connection").isEqualTo(200);
    }
  }

  private void sendMultipart(RawHttp connection, ApiClient client, byte[] body) throws Exception {
    connection.send("POST /api/groups/" + groupId + "/contributions HTTP/1.1\r\n" + common(client)
        + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n");
    connection.sendInBackground(body);
  }

  private static final String BOUNDARY = "refusedUploadBoundary";

  private static byte[] multipart(int fileBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder fields = new StringBuilder();
    Contributions.fields("Refused").forEach((name, value) -> fields.append("--").append(BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    fields.append("--").append(BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(fields.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes(fileBytes));
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private String common(ApiClient client) {
    String token = client.csrfToken();
    return "Host: 127.0.0.1:" + server.port() + "\r\n"
        + "Cookie: rapporteur_session=" + client.cookie("rapporteur_session") + "; XSRF-TOKEN=" + token + "\r\n"
        + "X-XSRF-TOKEN: " + token + "\r\n";
  }

  private String createUpload(long length) {
    String metadata = "groupId " + b64(groupId) + ",title " + b64("Resumable") + ",source " + b64("Senegal");
    HttpResponse<Buffer> created = member.request(HttpMethod.POST, "/api/uploads").putHeader("Tus-Resumable", "1.0.0")
        .putHeader("Upload-Length", Long.toString(length)).putHeader("Upload-Metadata", metadata).send().await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.getHeader("Location");
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(7).nextBytes(bytes);
    return bytes;
  }
}
