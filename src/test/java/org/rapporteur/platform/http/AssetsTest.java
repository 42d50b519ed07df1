package org.rapporteur.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ServerTest;

class AssetsTest extends ServerTest {
  private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  ApiClient client;

  @BeforeEach
  void start() {
    client = server.client();
  }

  JsonObject importMap(String page) {
    Matcher m = IMPORT_MAP.matcher(page);
    assertThat(m.find()).as("the page carries an import map").isTrue();
    return new JsonObject(m.group(1)).getJsonObject("imports");
  }

  @Test
  void thePageIsRevalidatedAndNamesEveryFileByItsContentHash() throws Exception {
    HttpResponse<Buffer> page = client.get("/");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");
    String etag = page.getHeader("ETag");
    assertThat(etag).isNotBlank();
    String html = page.bodyAsString();
    JsonObject imports = importMap(html);
    assertThat(imports.getString("/app/main.js")).matches("/app/main\\.[0-9a-f]{12}\\.js");
    assertThat(imports.getString("/i18n/ar.json")).matches("/i18n/ar\\.[0-9a-f]{12}\\.json");
    assertThat(html).contains("<script type=\"module\" src=\"" + imports.getString("/app/main.js") + "\">")
        .contains("href=\"" + imports.getString("/app/style.css") + "\"")
        .doesNotContain("\"/app/main.js\"></script>");
    for (String name : imports.fieldNames()) {
      String hashed = imports.getString(name);
      String expected = hash(Files.readAllBytes(Path.of("webroot" + name)));
      assertThat(hashed).as(name).contains("." + expected + ".");
    }
    var again = client.request(HttpMethod.GET, "/").putHeader("If-None-Match", etag).send().await();
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void thePagePreloadsEveryModuleTheAppImportsStatically() throws IOException {
    String html = client.get("/").bodyAsString();
    JsonObject imports = importMap(html);
    for (String module : List.of("/app/main.js", "/app/dom.js", "/app/pages/meeting.js", "/app/agenda.js",
        "/app/chat-row.js", "/app/queue.js")) {
      assertThat(html).as(module).contains("<link rel=\"modulepreload\" href=\"" + imports.getString(module) + "\">");
    }
    assertThat(html).contains("<link rel=\"preload\" as=\"fetch\" crossorigin href=\"" + imports.getString("/i18n/en.json") + "\">");
    // Every module of the static graph is preloaded, or it costs another round on a slow link; pages
    // loaded on first use are not.
    Matcher preloads = Pattern.compile("rel=\"modulepreload\" href=\"([^\"]+)\"").matcher(html);
    List<String> preloaded = preloads.results().map(r -> r.group(1)).toList();
    Map<String, byte[]> files = new java.util.HashMap<>();
    try (var paths = Files.walk(Path.of("webroot/app"))) {
      for (Path file : paths.filter(f -> f.toString().endsWith(".js")).toList()) {
        files.put("/" + Path.of("webroot").relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    List<String> graph = Assets.moduleGraph(files, List.of("/app/main.js"));
    assertThat(preloaded).containsExactlyInAnyOrderElementsOf(graph.stream().map(imports::getString).toList());
    assertThat(preloaded).doesNotContain(imports.getString("/app/pages/liaisons.js"),
        imports.getString("/app/pages/contribution.js"));
  }

  @Test
  void theImportMapIsAllowedByTheContentSecurityPolicyAndNothingElseInline() throws Exception {
    HttpResponse<Buffer> page = client.get("/");
    Matcher m = IMPORT_MAP.matcher(page.bodyAsString());
    assertThat(m.find()).isTrue();
    String source = "'sha256-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
    assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self' " + source + ";")
        .doesNotContain("unsafe-inline");
    // Only the page gets the import map's hash; an API answer allows no script at all.
    assertThat(client.get("/api/groups").getHeader("Content-Security-Policy")).startsWith("default-src 'none'")
        .doesNotContain("sha256-");
  }

  @Test
  void hashedFilesAreImmutableAndGzipped() throws IOException {
    String main = importMap(client.get("/").bodyAsString()).getString("/app/main.js");
    var response = client.request(HttpMethod.GET, main).putHeader("Accept-Encoding", "gzip").send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(response.getHeader("Content-Type")).startsWith("text/javascript");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("Content-Security-Policy")).as("a document's header, not a module's").isNull();
    byte[] body = response.bodyAsBuffer().getBytes();
    byte[] plain = Files.readAllBytes(Path.of("webroot/app/main.js"));
    assertThat(body.length).isLessThan(plain.length);
    // The web client may or may not have inflated it itself.
    byte[] inflated = response.getHeader("Content-Encoding") == null ? body
        : new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
    assertThat(inflated).isEqualTo(plain);
  }

  @Test
  void aBrowserThatAsksToSaveDataGetsThePageMarkedForDataSaver() {
    var saving = client.request(HttpMethod.GET, "/").putHeader("Save-Data", "on").send().await();
    assertThat(saving.bodyAsString()).contains("<html data-save-data=\"on\" ");
    assertThat(saving.getHeader("Vary")).contains("Save-Data");
    assertThat(client.get("/").bodyAsString()).doesNotContain("data-save-data");
  }

  @Test
  void theServiceWorkerIsServedFromTheRootAndRevalidated() {
    var worker = client.get("/sw.js");
    assertThat(worker.statusCode()).isEqualTo(200);
    assertThat(worker.getHeader("Cache-Control")).isEqualTo("no-cache");
    assertThat(worker.getHeader("Content-Type")).startsWith("text/javascript");
  }

  @Test
  void anOldHashIsNotServedWithNewContent() {
    String main = importMap(client.get("/").bodyAsString()).getString("/app/main.js");
    String stale = main.replaceAll("\\.[0-9a-f]{12}\\.", ".000000000000.");
    assertThat(client.get(stale).statusCode()).isEqualTo(404);
  }

  @Test
  void changingOneFileRenamesOnlyThatFile(Vertx vertx, @TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("index.html"), "<html><head><link rel=\"stylesheet\" href=\"/app/s.css\">"
        + "<script type=\"module\" src=\"/app/a.js\"></script></head></html>");
    Files.writeString(root.resolve("app/a.js"), "import { b } from './b.js';\nimport {\n  c,\n} from './c.js';\nb(c);");
    Files.writeString(root.resolve("app/b.js"), "export function b(x) { return h('div', x); }");
    Files.writeString(root.resolve("app/c.js"), "export const c = 1;");
    Files.writeString(root.resolve("app/lazy.js"), "export const lazy = 1;");
    Files.writeString(root.resolve("app/s.css"), "body {}");
    Assets before = Assets.read(vertx.fileSystem(), root.toString());
    assertThat(Assets.moduleGraph(Map.of("/app/a.js", Files.readAllBytes(root.resolve("app/a.js"))), List.of("/app/a.js")))
        .containsExactly("/app/a.js");
    String page = before.page().body().toString();
    assertThat(page).contains("modulepreload\" href=\"" + before.versionedPath("/app/b.js"))
        .contains("modulepreload\" href=\"" + before.versionedPath("/app/c.js"))
        .doesNotContain("modulepreload\" href=\"" + before.versionedPath("/app/lazy.js"));
    Files.writeString(root.resolve("app/c.js"), "export const c = 2;");
    Assets after = Assets.read(vertx.fileSystem(), root.toString());
    assertThat(after.versionedPath("/app/c.js")).isNotEqualTo(before.versionedPath("/app/c.js"));
    assertThat(after.versionedPath("/app/b.js")).isEqualTo(before.versionedPath("/app/b.js"));
    assertThat(after.page().etag()).isNotEqualTo(before.page().etag());
  }

  private static String hash(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
  }
}
