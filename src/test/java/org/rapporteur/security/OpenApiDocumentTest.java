package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.TestServer;

/**
 * The document served at /api/openapi.yaml is what client generators and reviewers read: it must parse
 * with a real OpenAPI parser and describe exactly the operations the running router answers.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
  TestServer server;
  String yaml;
  SwaggerParseResult parsed;
  Set<String> documented;
  Set<String> routed;

  @BeforeAll
  void startAndParse(Vertx vertx, @TempDir Path dataDir) {
    server = TestServer.start(vertx, dataDir);
    yaml = server.client().get("/api/openapi.yaml").bodyAsString();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    parsed = new OpenAPIParser().readContents(yaml, null, options);
    documented = documentedOperations(parsed.getOpenAPI());
    routed = routedOperations(server.app().router().getRoutes());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theServedDocumentParsesAsOpenApi31WithoutAnyMessage() {
    assertThat(parsed.getMessages()).as("parser messages").isEmpty();
    assertThat(parsed.getOpenAPI()).isNotNull();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
  }

  /**
   * An unquoted "description: a, b" inside a {flow mapping} parses as a description "a" and a key "b" with
   * no value; the parser accepts that silently inside schemas, so look for keys without values.
   */
  @Test
  void noDescriptionIsCutIntoAnEmptyKeyByAnUnquotedComma() throws Exception {
    List<String> empty = new ArrayList<>();
    collectEmptyKeys(Yaml.mapper().readTree(yaml), "", empty);
    assertThat(empty).as("keys without a value in openapi.yaml").isEmpty();
  }

  @Test
  void everyRouteOnTheRouterIsDocumented() {
    assertThat(routed).as("sanity: the router's API operations").hasSizeGreaterThan(50);
    assertThat(difference(routed, documented)).as("routes missing from openapi.yaml").isEmpty();
  }

  @Test
  void everyDocumentedOperationExistsOnTheRouter() {
    assertThat(documented).as("sanity: the document's operations").hasSizeGreaterThan(50);
    assertThat(difference(documented, routed)).as("operations in openapi.yaml that no route answers").isEmpty();
  }

  /** "GET /api/groups/{id}" for each method-bound API route, with Vert.x's :params written as {params}. */
  static Set<String> routedOperations(List<Route> routes) {
    Set<String> operations = new TreeSet<>();
    for (Route route : routes) {
      String path = route.getPath();
      if (path == null || route.methods() == null || !isApi(path)) {
        continue;
      }
      String openApiPath = path.replaceAll(":(\\w+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        operations.add(method.name() + " " + openApiPath);
      }
    }
    return operations;
  }

  static Set<String> documentedOperations(OpenAPI openApi) {
    Set<String> operations = new TreeSet<>();
    if (openApi == null || openApi.getPaths() == null) {
      return operations;
    }
    openApi.getPaths().forEach((path, item) -> {
      for (PathItem.HttpMethod method : item.readOperationsMap().keySet()) {
        operations.add(method.name() + " " + path);
      }
    });
    return operations;
  }

  private static void collectEmptyKeys(JsonNode node, String at, List<String> empty) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        if (field.getValue().isNull()) {
          empty.add(at + "/" + field.getKey());
        }
        collectEmptyKeys(field.getValue(), at + "/" + field.getKey(), empty);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectEmptyKeys(node.get(i), at + "/" + i, empty);
      }
    }
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/health") || path.equals("/health/ready") || path.equals("/metrics")
        || path.equals("/ops/backup");
  }

  private static List<String> difference(Set<String> from, Set<String> without) {
    List<String> rest = new ArrayList<>(from);
    rest.removeAll(without);
    return rest;
  }
}
