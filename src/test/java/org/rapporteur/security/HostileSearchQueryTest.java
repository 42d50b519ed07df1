package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.Problems;
import org.rapporteur.support.SharedServerTest;
import org.rapporteur.support.TestDocuments;

/**
 * Search never answers 500: a query that would expand into more clauses than Lucene allows, or cost
 * more than a search should, is refused with 400 naming {@code q}; a bounded one is answered.
 */
class HostileSearchQueryTest extends SharedServerTest {
  ApiClient expert;

  @BeforeAll
  void start() {
    expert = server.client();
    expert.registerAndSignIn("hostile@example.org", "Hostile Query");
    String group = Contributions.group(server.admin(), "SECQ", "public", "hostile@example.org");
    String id = Contributions.uploadOk(expert, group, "vocabulary.txt", vocabulary().getBytes(StandardCharsets.UTF_8),
        "Rural broadband vocabulary").getString("id");
    Contributions.awaitExtraction(expert, id);
    for (int attempt = 0; attempt < 100 && total("broadband") == 0; attempt++) {
      Contributions.sleep(100);
    }
  }

  /** Many distinct short words, the same at every call. */
  private static String vocabulary() {
    return TestDocuments.randomWords(new Random(18), 3000, 4);
  }

  private HttpResponse<Buffer> search(String q) {
    return expert.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  private long total(String q) {
    return search(q).bodyAsJsonObject().getLong("total", 0L);
  }

  private void assertAnsweredOrRefusedNamingQ(String q) {
    HttpResponse<Buffer> response = search(q);
    assertThat(response.statusCode()).as(q + " -> " + response.bodyAsString()).isIn(200, 400);
    if (response.statusCode() == 400) {
      Problems.assertFieldProblem(response, 400, "q");
    }
  }

  @Test
  @DisplayName("A query of 40 fuzzy terms is refused with 400 naming q, not 500")
  void fortyFuzzyTermsAreRefusedNamingQ() {
    String q = TestDocuments.fortyFuzzyTerms();
    assertThat(q).hasSize(317);
    Problems.assertFieldProblem(search(q), 400, "q");
  }

  @Test
  @DisplayName("A very long query is refused with 400 naming q")
  void veryLongQueryIsRefusedNamingQ() {
    Problems.assertFieldProblem(search("broadband ".repeat(400)), 400, "q");
  }

  @Test
  @DisplayName("Too many plain words are refused with 400 naming q")
  void tooManyWordsAreRefusedNamingQ() {
    Problems.assertFieldProblem(search(String.join(" ", vocabulary().split("\\s+")).substring(0, 290)), 400, "q");
  }

  @Test
  @DisplayName("Deeply nested parentheses are answered or refused naming q, never 500")
  void deeplyNestedParenthesesNeverFail() {
    assertAnsweredOrRefusedNamingQ("(".repeat(140) + "broadband" + ")".repeat(140));
    assertAnsweredOrRefusedNamingQ("(".repeat(20) + "broadband" + ")".repeat(20));
  }

  @Test
  @DisplayName("Wildcards, regular expressions and many prefixes are answered or refused naming q, never 500")
  void wildcardsAndRegexpsNeverFail() {
    for (String q : List.of("*a*", "*", "a*", "/.*/", "/[a-z]+/", "a* b* c* d* e* f* g* h* i* j* k* l*",
        "\"a b c d e f g\"~9", "a~2 b~2 c~2 d~2", "-a -b -c", "|||", "\\", "\"")) {
      assertAnsweredOrRefusedNamingQ(q);
    }
  }

  @Test
  @DisplayName("Seven fuzzy words, few enough but expanding past Lucene's clause limit, are refused as too broad")
  void fuzzyWordsExpandingPastTheClauseLimitAreRefused() {
    Problems.assertFieldProblem(search("kng~2 ivd~2 rur~2 bro~2 net~2 vil~2 sat~2"), 400, "q");
    assertThat(search("kng~2 ivd~2 rur~2 bro~2 net~2 vil~2").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A bounded fuzzy query still finds what it should")
  void boundedFuzzyQueryStillFinds() {
    HttpResponse<Buffer> response = search("brodband~1 rual~1");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getLong("total")).isEqualTo(1);
  }
}
