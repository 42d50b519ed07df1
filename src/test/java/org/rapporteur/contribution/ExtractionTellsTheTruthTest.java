package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Contributions.awaitExtraction;
import static org.rapporteur.support.Contributions.uploadOk;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestDocuments;
import org.rapporteur.support.TestServer;

/**
 * What extraction reports about a file is what the file is: legacy-encoded text is read, one block over
 * the limit is cut rather than lost, and formats that cannot be read say so instead of calling the file
 * empty or serving its raw parts as text. Real server, default extraction limits, Tika in child JVMs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionTellsTheTruthTest {
  private static final String RUSSIAN = "Предложение Российской Федерации о развитии широкополосного доступа "
      + "в сельских районах. Сети связи общего пользования должны охватить все населённые пункты.";

  Vertx vertx;
  TestServer server;
  ApiClient expert;
  String groupId;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    vertx = Vertx.vertx();
    // one child JVM: the files are small, and a second child starting beside it only competes for the CPU
    server = TestServer.start(vertx, dataDir, new JsonObject().put("contributions",
        new JsonObject().put("extraction", new JsonObject().put("workers", 1))));
    expert = server.client();
    expert.registerAndSignIn("irina@example.ru", "Irina Petrova");
    groupId = Contributions.group(server.admin(), "RGTRUTH", "public", "irina@example.ru");
  }

  @AfterAll
  void stop() {
    server.close();
    vertx.close().await();
  }

  @Test
  void aRussianTextInCp866IsDetectedByItsNameAndDecoded() {
    byte[] cp866 = (RUSSIAN + "\r\n").repeat(4).getBytes(Charset.forName("IBM866"));
    JsonObject created = uploadOk(expert, groupId, "predlozhenie.txt", cp866, "Proposal");
    JsonObject extraction = extraction(created);
    assertThat(extraction.getString("state")).as(extraction.encode()).isEqualTo("done");
    assertThat(extraction.getString("detectedType")).isEqualTo("text/plain");
    assertThat(extraction.getString("language")).isEqualTo("ru");
    assertThat(lightView(created)).contains(RUSSIAN);
  }

  @Test
  void randomBytesCalledTxtAreNotReadAsText() {
    byte[] noise = new byte[20_000];
    new Random(11).nextBytes(noise);
    JsonObject extraction = extraction(uploadOk(expert, groupId, "noise.txt", noise, "Noise"));
    assertThat(extraction.getString("state")).isEqualTo("failed");
    assertThat(extraction.getString("reason")).isEqualTo("unsupported");
    assertThat(extraction.getString("detectedType")).isEqualTo("application/octet-stream");
  }

  /**
   * One paragraph longer than contributions.extraction.maxTextChars. The issue saw this with a .doc,
   * which POI cannot write; a DOCX run reaches the light view as the same single block of text.
   */
  @Test
  void oneBlockLongerThanTheLimitIsCutAtTheLimitNotDropped() {
    int limit = server.app().services().contributions().config().extraction().maxTextChars();
    String block = TestDocuments.words(limit + limit / 5, 5);
    byte[] docx = TestDocuments.docx("One long paragraph", "Irina Petrova", List.of("Introduction", block));
    JsonObject created = uploadOk(expert, groupId, "long.docx", docx, "Long");
    JsonObject extraction = extraction(created);
    assertThat(extraction.getString("state")).as(extraction.encode()).isEqualTo("done");
    assertThat(extraction.getBoolean("truncated")).isTrue();
    assertThat(extraction.getInteger("textChars")).isBetween(limit - 100, limit);

    String view = lightView(created);
    assertThat(view).contains("<p>Introduction</p>").contains(block.substring(0, 200));
    assertThat(view.length()).isBetween(limit - 100, limit + 200);
    assertThat(view).as("the text just before the limit").contains(block.substring(limit - 1100, limit - 100));
    assertThat(view).as("the text after the limit").doesNotContain(block.substring(limit + 100, limit + 1100));
  }

  @Test
  void formatsTikaKnowsButCannotReadFailAsUnsupportedNotEmpty() {
    String words = "A report of the rapporteur group written long ago. ".repeat(20);
    JsonObject word2 = extraction(uploadOk(expert, groupId, "report.doc", TestDocuments.word2(words), "Word 2"));
    assertThat(word2.getString("detectedType")).isEqualTo("application/msword2");
    assertThat(word2.getString("state")).isEqualTo("failed");
    assertThat(word2.getString("reason")).isEqualTo("unsupported");

    JsonObject wp = extraction(uploadOk(expert, groupId, "report.wp", TestDocuments.wordPerfect42(words), "WP 4.2"));
    assertThat(wp.getString("detectedType")).isEqualTo("application/vnd.wordperfect");
    assertThat(wp.getString("state")).isEqualTo("failed");
    assertThat(wp.getString("reason")).isEqualTo("unsupported");
  }

  @Test
  void aBrokenXlsxFailsAsCorruptInsteadOfGivingItsPartsAsText() {
    byte[] xlsx = TestDocuments.xlsx("Budget", List.of("Item one for rural broadband", "Item two for towers"));
    byte[] broken = TestDocuments.withEntry(xlsx, "[Content_Types].xml",
        "<Types><Default Extension=".getBytes(StandardCharsets.UTF_8));
    for (String name : List.of("budget.xlsx", "budget")) {
      JsonObject created = uploadOk(expert, groupId, name, broken, "Broken " + name);
      JsonObject extraction = extraction(created);
      assertThat(extraction.getString("state")).as(name + " " + extraction.encode()).isEqualTo("failed");
      assertThat(extraction.getString("reason")).as(name).isEqualTo("corrupt");
      assertThat(extraction.getInteger("textChars")).as(name).isZero();
      assertThat(expert.get("/api/contributions/" + created.getString("id") + "/text").statusCode()).isEqualTo(422);
    }
  }

  private JsonObject extraction(JsonObject created) {
    return awaitExtraction(expert, created.getString("id")).getJsonObject("extraction");
  }

  private String lightView(JsonObject created) {
    var response = expert.get("/api/contributions/" + created.getString("id") + "/text");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsString(StandardCharsets.UTF_8.name());
  }
}
