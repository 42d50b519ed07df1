package org.rapporteur.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;
import org.rapporteur.support.TestDocuments;

/** Multilingual full-text search over extracted contributions, with access rules and rebuilds. */
class SearchTest extends SharedServerTest {
  ApiClient admin;
  ApiClient expert;
  String publicGroup;
  String restrictedGroup;
  String english;
  String french;
  String arabic;
  String chinese;
  String russian;
  String secret;

  @BeforeAll
  void start() {
    admin = server.admin();
    expert = server.client();
    expert.registerAndSignIn("search@example.eg", "Layla Hassan");
    publicGroup = Contributions.group(admin, "SG1RGQ", "public", "search@example.eg");
    restrictedGroup = Contributions.group(admin, "SG2-ARB", "restricted", "search@example.eg");

    english = upload(publicGroup, "broadband.docx", TestDocuments.docx("Rural broadband", "Layla Hassan", List.of(
        "Satellite connectivity brings affordable broadband to remote villages.",
        "Operators share towers to reduce deployment costs in rural areas.")), "Rural broadband");
    french = upload(publicGroup, "numerique.odt", TestDocuments.odt("Inclusion numérique", "Jean Dupont", List.of(
        "Les télécommunications d'urgence sauvent des vies lors des catastrophes naturelles.",
        "Les administrations publient des plans nationaux pour les réseaux de secours.")), "Télécommunications d'urgence");
    arabic = upload(publicGroup, "arabic.txt", (
        "تعمل الإدارات على توسيع شبكات الاتصالات في المناطق الريفية.\n"
        + "وتساعد الاتصالات الساتلية على ربط القرى النائية بالإنترنت بتكلفة معقولة.").getBytes(StandardCharsets.UTF_8),
        "شبكات الاتصالات الريفية");
    chinese = upload(publicGroup, "chinese.txt", (
        "发展中国家需要扩大宽带网络的覆盖范围。\n"
        + "农村地区的移动宽带服务可以促进数字经济的发展。").getBytes(StandardCharsets.UTF_8), "农村宽带");
    russian = upload(publicGroup, "russian.txt", (
        "Администрации связи развивают сети широкополосного доступа в сельских районах.\n"
        + "Спутниковые системы помогают подключить отдалённые населённые пункты.").getBytes(StandardCharsets.UTF_8),
        "Сельская связь");
    secret = upload(restrictedGroup, "secret.txt", ("Confidential draft about submarine cables and landing stations "
        + "shared only with members of the regional group.").getBytes(StandardCharsets.UTF_8), "Submarine cables");
    for (String id : List.of(english, french, arabic, chinese, russian, secret)) {
      assertThat(Contributions.awaitExtraction(expert, id).getJsonObject("extraction").getString("state"))
          .isEqualTo("done");
    }
  }

  private String upload(String groupId, String filename, byte[] bytes, String title) {
    return Contributions.uploadOk(expert, groupId, filename, bytes, title).getString("id");
  }

  private JsonObject search(ApiClient client, String query) {
    String path = "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonObject result = client.get(path).bodyAsJsonObject();
      if (result.getLong("total", 0L) > 0 || attempt == 99) {
        return result;
      }
      Contributions.sleep(100);
    }
    throw new AssertionError();
  }

  private List<String> ids(JsonObject result) {
    return result.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }

  @Test
  void englishWordsMatchThroughStemmingWithHighlightedSnippets() {
    JsonObject result = search(expert, "village connectivity");
    assertThat(ids(result)).containsExactly(english);
    JsonObject hit = result.getJsonArray("items").getJsonObject(0);
    assertThat(hit.getString("snippet")).contains("<mark>connectivity</mark>").contains("<mark>villages</mark>");
    assertThat(hit.getString("language")).isEqualTo("en");
    assertThat(hit.getString("number")).startsWith("SG1RGQ/");
  }

  @Test
  void frenchWordsMatchWithoutAccentsOrPlural() {
    JsonObject result = search(expert, "telecommunication urgence");
    assertThat(ids(result)).containsExactly(french);
    assertThat(result.getJsonArray("items").getJsonObject(0).getString("snippet")).contains("<mark>");
  }

  @Test
  void arabicWordsMatch() {
    JsonObject result = search(expert, "الاتصالات");
    assertThat(ids(result)).containsExactly(arabic);
    assertThat(result.getJsonArray("items").getJsonObject(0).getString("language")).isEqualTo("ar");
    assertThat(result.getJsonArray("items").getJsonObject(0).getString("snippet")).contains("<mark>");
  }

  @Test
  void chineseWordsMatchAfterSegmentation() {
    JsonObject result = search(expert, "宽带网络");
    assertThat(ids(result)).containsExactly(chinese);
    assertThat(result.getJsonArray("items").getJsonObject(0).getString("snippet")).contains("<mark>");
  }

  @Test
  void russianWordsMatchThroughStemming() {
    assertThat(ids(search(expert, "сеть"))).containsExactly(russian);
  }

  @Test
  void numbersAndFiltersNarrowTheHits() {
    String number = expert.get("/api/contributions/" + arabic).bodyAsJsonObject().getString("number");
    assertThat(ids(search(expert, number))).first().isEqualTo(arabic);
    JsonObject filtered = expert.get("/api/search?q=broadband&language=fr").bodyAsJsonObject();
    assertThat(filtered.getLong("total")).isZero();
    JsonObject byGroup = expert.get("/api/search?q=broadband&group=" + publicGroup + "&question=Q4/1&status=submitted")
        .bodyAsJsonObject();
    assertThat(ids(byGroup)).containsExactly(english);
    assertThat(expert.get("/api/search?q=").statusCode()).isEqualTo(400);
  }

  @Test
  void restrictedGroupsAreSearchedOnlyByThoseWhoReadThem() {
    assertThat(ids(search(expert, "submarine cables"))).containsExactly(secret);
    ApiClient outsider = server.client();
    outsider.registerAndSignIn("curious@example.org", "Curious Person");
    assertThat(outsider.get("/api/search?q=submarine").bodyAsJsonObject().getLong("total")).isZero();
    assertThat(server.client().get("/api/search?q=submarine").bodyAsJsonObject().getLong("total")).isZero();
  }

  @Test
  void adminsRebuildTheIndexFromTheDatabase() {
    assertThat(expert.post("/api/search/rebuild", new JsonObject()).statusCode()).isEqualTo(403);
    JsonObject rebuilt = admin.post("/api/search/rebuild", new JsonObject()).bodyAsJsonObject();
    assertThat(rebuilt.getInteger("indexed")).isGreaterThanOrEqualTo(6);
    assertThat(ids(search(expert, "village connectivity"))).containsExactly(english);
  }
}
