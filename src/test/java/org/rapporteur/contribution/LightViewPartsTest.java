package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;
import org.rapporteur.support.TestDocuments;

/**
 * A long light view arrives in parts, the first screen first, and its size can be asked without it
 * (HEAD), by those who may read it and nobody else.
 */
class LightViewPartsTest extends SharedServerTest {
  static final int PART_CHARS = 2_000;
  ApiClient member;
  ApiClient outsider;
  String id;

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("contributions", new JsonObject().put("lightViewPartChars", PART_CHARS)
        .put("extraction", new JsonObject().put("timeoutSeconds", 300)));
  }

  @BeforeAll
  void start() {
    member = server.client();
    member.registerAndSignIn("reader@example.org", "Reader");
    outsider = server.client();
    outsider.registerAndSignIn("outsider@example.org", "Outsider");
    String group = Contributions.group(server.admin(), "SG1PARTS", "restricted", "reader@example.org");
    java.util.List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      paragraphs.add("Paragraph " + i + ": cost models for mobile broadband services again and again.");
    }
    id = Contributions.uploadOk(member, group, "long.docx", TestDocuments.docx("Long", "Reader", paragraphs), "Long")
        .getString("id");
    // Generous: on a shared CI machine the extraction child JVM can take minutes to start.
    Contributions.awaitExtraction(member, id, 0, java.time.Duration.ofSeconds(300));
  }

  @Test
  void aLongLightViewComesInPartsThatMakeTheWhole() {
    HttpResponse<Buffer> whole = member.get("/api/contributions/" + id + "/text");
    HttpResponse<Buffer> first = member.get("/api/contributions/" + id + "/text?part=0");
    int parts = Integer.parseInt(first.getHeader("X-Light-View-Parts"));
    assertThat(parts).isGreaterThan(1);
    assertThat(first.bodyAsString()).startsWith("<div dir=\"ltr\">").endsWith("</p></div>").contains("Paragraph 0:")
        .doesNotContain("Paragraph 59:");
    assertThat(first.bodyAsString().length()).isLessThan(whole.bodyAsString().length() / 2);
    StringBuilder joined = new StringBuilder();
    for (int part = 0; part < parts; part++) {
      String html = member.get("/api/contributions/" + id + "/text?part=" + part).bodyAsString();
      joined.append(html, "<div dir=\"ltr\">".length(), html.length() - "</div>".length());
    }
    assertThat("<div dir=\"ltr\">" + joined + "</div>").isEqualTo(whole.bodyAsString());
  }

  @Test
  void aPartThatDoesNotExistIsRefusedNamingTheField() {
    assertFieldProblem(member.get("/api/contributions/" + id + "/text?part=9999"), 400, "part");
    assertFieldProblem(member.get("/api/contributions/" + id + "/text?part=first"), 400, "part");
  }

  @Test
  void headTellsTheSizeOfTheLightViewToItsReadersOnly() {
    int size = member.get("/api/contributions/" + id + "/text").bodyAsBuffer().length();
    HttpResponse<Buffer> head = member.request(HttpMethod.HEAD, "/api/contributions/" + id + "/text").send().await();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Content-Length")).isEqualTo(String.valueOf(size));
    assertThat(head.body()).isNull();
    int outsiders = outsider.request(HttpMethod.HEAD, "/api/contributions/" + id + "/text").send().await().statusCode();
    assertThat(outsiders).isIn(403, 404);
    int anonymous = server.client().request(HttpMethod.HEAD, "/api/contributions/" + id + "/text").send().await()
        .statusCode();
    assertThat(anonymous).isIn(401, 403, 404);
  }
}
